import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../config/config.schema';

/**
 * Where outside parties reach this server (OCPI partners, OAuth2 redirects): PUBLIC_URL when set
 * (behind a proxy), otherwise the address it listens on (localhost when it listens on every
 * interface), with the port it actually got.
 */
export function publicBaseUrl(
  config: Pick<AppConfig, 'PUBLIC_URL' | 'TLS_CERT_FILE' | 'HOST' | 'PORT'>,
  server: Server | undefined,
): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const scheme = config.TLS_CERT_FILE ? 'https' : 'http';
  const address = server?.address() as AddressInfo | null | undefined;
  const port = address?.port ?? config.PORT;
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? 'localhost' : config.HOST;
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
