import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { TLSSocket } from 'node:tls';

/** Whether `peer` was issued by `caPem`'s CA (and signed by its key) and is valid now. */
export function certificateIssuedBy(peer: X509Certificate, caPem: string, now = new Date()): boolean {
  const ca = new X509Certificate(caPem);
  if (!peer.checkIssued(ca) || !peer.verify(ca.publicKey)) return false;
  return new Date(peer.validFrom) <= now && now <= new Date(peer.validTo);
}

/**
 * Whether the TLS client presented a certificate issued by `caPem` and valid now. Hubject calls its
 * CPOs with mutual TLS: the server asks every client for a certificate (TLS_CA_FILE), and an OICP
 * request counts only with one the tenant's Hubject CA signed.
 */
export function peerIssuedBy(socket: unknown, caPem: string, now = new Date()): boolean {
  if (!(socket instanceof TLSSocket)) return false;
  const raw = socket.getPeerCertificate(false)?.raw;
  return raw ? certificateIssuedBy(new X509Certificate(raw), caPem, now) : false;
}

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) as `127.0.0.1`. */
function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * Behind a reverse proxy that ends TLS: the client certificate the proxy verified and forwarded (a
 * URL-encoded PEM in `header`, as nginx's $ssl_client_escaped_cert), trusted only on a connection from
 * one of `proxies`; it must still be issued by `caPem` and valid now. Anyone else's header is ignored.
 */
export function forwardedPeerIssuedBy(
  request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  settings: { proxies: readonly string[]; header: string },
  caPem: string,
  now = new Date(),
): boolean {
  const from = plainAddress(request.socket.remoteAddress);
  if (!isIP(from) || !settings.proxies.some((proxy) => plainAddress(proxy) === from)) return false;
  const value = request.headers[settings.header];
  if (typeof value !== 'string' || !value) return false;
  try {
    return certificateIssuedBy(new X509Certificate(decodeURIComponent(value)), caPem, now);
  } catch {
    // Not a certificate: as if none was sent.
    return false;
  }
}
