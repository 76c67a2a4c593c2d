import { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';

/**
 * Security profile 3: the connection carries a client certificate that our CA signed and whose
 * subject common name is the station's id.
 */
export function presentsCertificateOf(request: IncomingMessage, stationId: string): boolean {
  const socket = request.socket;
  if (!(socket instanceof TLSSocket) || !socket.authorized) return false;
  const certificate = socket.getPeerCertificate();
  return Boolean(certificate?.subject) && certificate.subject.CN === stationId;
}
