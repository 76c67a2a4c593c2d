import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedSoapCall {
  stationId: string;
  operation: string;
  /** The request element's XML, for the few fields a test checks. */
  body: string;
  /** The WS-Addressing From the station announced. */
  from: string;
  at: number;
}

const CS = 'urn://Ocpp/Cs/2015/10/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const WSA = 'http://www.w3.org/2005/08/addressing';

/**
 * A bare OCPP-S 1.6 CentralSystemService written by hand (regular expressions in, templates out): answers
 * every station message, records it, and can go down and come back on the same port to make an outage.
 */
export class MiniSoapCsms {
  readonly calls: ReceivedSoapCall[] = [];
  private server?: Server;
  private port = 0;
  private nextTransactionId = 500;

  get url(): string {
    return `http://127.0.0.1:${this.port}/ocpp/soap/default/1.6`;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/xml' }).end('<definitions/>');
        return;
      }
      void readBody(req).then((xml) => {
        const operation = /<(?:\w+:)?(\w+)Request[\s>/]/.exec(xml.slice(xml.indexOf('Body')))?.[1] ?? '';
        const name = `${operation[0]?.toUpperCase() ?? ''}${operation.slice(1)}`;
        this.calls.push({
          stationId: /chargeBoxIdentity[^>]*>([^<]*)</.exec(xml)?.[1] ?? '',
          operation: name,
          body: xml.slice(xml.indexOf('Body')),
          from: /<(?:\w+:)?From>\s*<(?:\w+:)?Address>([^<]*)</.exec(xml)?.[1] ?? '',
          at: Date.now(),
        });
        const messageId = /MessageID>([^<]*)</.exec(xml)?.[1] ?? '';
        res
          .writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' })
          .end(
            `<s:Envelope xmlns:s="${SOAP12}" xmlns:a="${WSA}"><s:Header><a:Action>/${name}Response</a:Action>` +
              `<a:RelatesTo>${messageId}</a:RelatesTo></s:Header><s:Body>` +
              `<${operation}Response xmlns="${CS}">${this.answer(name)}</${operation}Response></s:Body></s:Envelope>`,
          );
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes down: connections refused until listen() again (same port). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  callsOf(stationId: string, operation: string): ReceivedSoapCall[] {
    return this.calls.filter((call) => call.stationId === stationId && call.operation === operation);
  }

  private answer(operation: string): string {
    const now = new Date().toISOString();
    const accepted = '<idTagInfo><status>Accepted</status></idTagInfo>';
    switch (operation) {
      case 'BootNotification':
        return `<status>Accepted</status><currentTime>${now}</currentTime><interval>300</interval>`;
      case 'Heartbeat':
        return `<currentTime>${now}</currentTime>`;
      case 'Authorize':
        return accepted;
      case 'StartTransaction':
        return `<transactionId>${this.nextTransactionId++}</transactionId>${accepted}`;
      case 'StopTransaction':
        return accepted;
      default:
        return '';
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
