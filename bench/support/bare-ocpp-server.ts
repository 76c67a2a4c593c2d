import { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

/** A CALL `[2, id, action, payload]` as the bare servers see it. */
export interface BareCall {
  id: string;
  action: string;
  payload: unknown;
}

/**
 * The bare `ws` server of the baselines: `ocpp1.6` only, no compression; each well-formed CALL goes to
 * `onCall` with a function answering it `[3,id,{}]`; anything else is ignored. Prints `listening <port>`.
 */
export function startBareOcppServer(
  onCall: (call: BareCall, answer: () => void, request: IncomingMessage) => void,
): WebSocketServer {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has('ocpp1.6') ? 'ocpp1.6' : false),
  });
  server.on('connection', (socket: WebSocket, request) => {
    socket.on('message', (data: Buffer) => {
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString('utf8'));
      } catch {
        return;
      }
      if (!Array.isArray(frame) || frame[0] !== 2 || typeof frame[1] !== 'string') return;
      const id = frame[1];
      onCall(
        { id, action: String(frame[2]), payload: frame[3] },
        () => socket.send(JSON.stringify([3, id, {}])),
        request,
      );
    });
  });
  server.on('listening', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  return server;
}
