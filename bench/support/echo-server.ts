import { WebSocketServer } from 'ws';
import { serveBenchProbe } from './bench-probe';

/**
 * The baseline: a bare `ws` server that accepts `ocpp1.6` and answers every CALL `[2,id,action,payload]`
 * with `[3,id,{}]` at once. Run as its own process; prints `listening <port>` when ready.
 */
const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has('ocpp1.6') ? 'ocpp1.6' : false),
});

server.on('connection', (socket) => {
  socket.on('message', (data: Buffer) => {
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString('utf8'));
    } catch {
      return;
    }
    if (Array.isArray(frame) && frame[0] === 2 && typeof frame[1] === 'string') {
      socket.send(JSON.stringify([3, frame[1], {}]));
    }
  });
});

server.on('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening ${port}\n`);
});

serveBenchProbe({});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
