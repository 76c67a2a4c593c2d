import { X509Certificate } from 'node:crypto';
import { TLSSocket } from 'node:tls';

/**
 * Whether the TLS client presented a certificate issued by `caPem` and valid now. Hubject calls its
 * CPOs with mutual TLS: the server asks every client for a certificate (TLS_CA_FILE), and an OICP
 * request counts only with one the tenant's Hubject CA signed.
 */
export function peerIssuedBy(socket: unknown, caPem: string, now = new Date()): boolean {
  if (!(socket instanceof TLSSocket)) return false;
  const raw = socket.getPeerCertificate(false)?.raw;
  if (!raw) return false;
  const peer = new X509Certificate(raw);
  const ca = new X509Certificate(caPem);
  if (!peer.checkIssued(ca) || !peer.verify(ca.publicKey)) return false;
  return new Date(peer.validFrom) <= now && now <= new Date(peer.validTo);
}
