import { createServer } from 'node:http';

/**
 * The baseline of the unauthenticated-upgrades benchmark: a bare HTTP server that answers every
 * WebSocket upgrade 401 at once, without looking at it: the cost of TCP and HTTP parsing, nothing
 * else. Run as its own process; prints `listening <port>` when ready.
 */
const server = createServer((_request, response) => response.writeHead(404).end());
server.on('upgrade', (_request, socket) => {
  socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
