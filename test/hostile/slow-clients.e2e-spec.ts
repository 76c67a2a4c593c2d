import * as net from 'node:net';
import { connectStation, upgradeStatus } from '../support/ocpp-station';
import { startTestApp, TestApp } from '../support/test-app';

/** What a raw client saw before its connection closed: the answer's first line, the socket's error. */
interface Ending {
  firstLine: string;
  error?: string;
}

const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout';

/** Resolves with what the client read once its connection has closed. */
function endingOf(socket: net.Socket): Promise<Ending> {
  return new Promise((resolve) => {
    let received = '';
    let error: string | undefined;
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', (failure: NodeJS.ErrnoException) => (error ??= failure.code));
    socket.once('close', () => resolve({ firstLine: received.split('\r\n')[0], error }));
  });
}

/**
 * A client that sends `head`, then one more byte of `trickle` every `everyMs`, forever: the server must
 * answer and close the connection itself.
 */
function slowClient(port: number, head: string, trickle: string, everyMs = 200): Promise<Ending> {
  let position = 0;
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.write(head);
    const timer = setInterval(() => {
      if (socket.writable) socket.write(trickle[position++ % trickle.length]);
    }, everyMs);
    socket.once('close', () => clearInterval(timer));
  });
  return endingOf(socket);
}

const UPGRADE_HEAD =
  'GET /ocpp/default/CS-SLOWLORIS HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

function postHead(path: string, contentType: string): string {
  return `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nContent-Length: 100000\r\n\r\n`;
}

/** Slowloris and friends: whatever they hold, they hold for a bounded time, and others are served meanwhile. */
describe('hostile input: slow and greedy HTTP clients', () => {
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await startTestApp('slow_clients', {
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_REQUEST_TIMEOUT_MS: '2000',
    });
    port = Number(new URL(app.httpUrl).port);
  });
  afterAll(() => app.close());

  it('closes slow headers on the WebSocket upgrade, slow SOAP and GraphQL bodies, and idle connections (408)', async () => {
    const endings = await Promise.all([
      slowClient(port, UPGRADE_HEAD, 'X-Slow: header\r\n'),
      slowClient(port, postHead('/ocpp/soap/default/1.6', 'application/soap+xml'), '<'),
      slowClient(port, postHead('/graphql', 'application/json'), ' '),
      endingOf(net.connect(port, '127.0.0.1')),
    ]);
    expect(endings.map((ending) => ending.firstLine)).toEqual(Array(4).fill(REQUEST_TIMEOUT));
  }, 60_000);

  it('serves stations and health while 200 slow clients hold connections', async () => {
    const slow = Array.from({ length: 200 }, (_, n) =>
      slowClient(
        port,
        n % 2 ? UPGRADE_HEAD : postHead('/graphql', 'application/json'),
        'x-header: 1\r\n',
        100,
      ),
    );
    const station = await connectStation(app.wsUrl, 'CS-BESIDE-SLOWLORIS');
    const boot = (await station.call('BootNotification', {
      chargePointVendor: 'V',
      chargePointModel: 'M',
    })) as {
      status: string;
    };
    expect(boot.status).toBe('Accepted');
    expect((await fetch(`${app.httpUrl}/health`)).status).toBe(200);
    await station.close({ force: true });
    const endings = await Promise.all(slow);
    // Node destroys a refused connection right after writing its 408, so a client still trickling can
    // be reset before it has read the answer (the likely end of the one client a CI run saw without
    // it). A reset ends it as surely as a 408; another answer, or an end with neither, does not.
    const otherwise = endings.filter(
      (ending) =>
        ending.firstLine !== REQUEST_TIMEOUT &&
        !(ending.firstLine === '' && (ending.error === 'ECONNRESET' || ending.error === 'EPIPE')),
    );
    expect(otherwise).toEqual([]);
    expect(endings.filter((ending) => ending.firstLine === REQUEST_TIMEOUT).length).toBeGreaterThan(150);
  }, 60_000);

  it('refuses an upgrade to a path nobody serves at once, instead of holding its socket', async () => {
    expect(await upgradeStatus(app.wsUrl, '/nowhere/at/all')).toBe(404);
  });
});
