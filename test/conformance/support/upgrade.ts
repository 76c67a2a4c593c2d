import WebSocket from 'ws';

/** The HTTP status a WebSocket upgrade gets over TLS (101 when it is accepted). */
export function upgradeOverTls(
  wssUrl: string,
  path: string,
  options: { ca: Buffer; protocols?: string[]; authorization?: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wssUrl}${path}`, options.protocols ?? ['ocpp2.0.1'], {
      ca: options.ca,
      headers: options.authorization ? { authorization: options.authorization } : {},
    });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
