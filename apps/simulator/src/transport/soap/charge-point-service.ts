import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ValidationFailure } from '../ocpp-transport';
import { decodeElement, encodeElement, JsonObject, ShapeViolation } from './soap-codec';
import {
  Addressing,
  buildEnvelope,
  faultBody,
  headerOf,
  newMessageId,
  operationOfRequest,
  parseEnvelope,
  responseElementOf,
  SOAP12_CONTENT_TYPE,
  WSA,
  WSA_ANONYMOUS,
} from './soap-envelope';
import { WsdlShapes } from './wsdl-shapes';

const MAX_BODY_BYTES = 1024 * 1024;
const PATH = '/ChargePointService';

export interface ChargePointServiceOptions {
  identity: string;
  /** Address to listen on and to announce (loopback unless the CSMS runs elsewhere). */
  host: string;
  schema: WsdlShapes;
  /** Runs the station's handler of an operation; errors with an `rpcErrorCode` become that Fault subcode. */
  dispatch: (operation: string, params: JsonObject) => Promise<unknown>;
  onInvalid: (failure: ValidationFailure) => void;
}

/** A call answered with a SOAP Fault rather than a response. */
class Fault extends Error {
  constructor(
    readonly code: 'Sender' | 'Receiver',
    readonly subcode: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The station's own OCPP-S ChargePointService: a small HTTP server where the CSMS POSTs its calls
 * (RemoteStart, Reset, GetConfiguration…). Each is checked against the ChargePoint WSDL, handed to the
 * station as the JSON-shaped payload, and answered in the same HTTP exchange (WS-Addressing RelatesTo).
 */
export class ChargePointService {
  private server?: Server;
  private url = '';

  constructor(private readonly options: ChargePointServiceOptions) {}

  /** The address announced in WS-Addressing From. */
  get endpoint(): string {
    return this.url;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, this.options.host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.url = `http://${this.options.host}:${(server.address() as AddressInfo).port}${PATH}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const namespace = this.options.schema.namespace;
    let addressing: Addressing | undefined;
    try {
      if (req.method !== 'POST' || req.url?.split('?')[0] !== PATH) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`POST OCPP-S calls to ${PATH}`);
        return;
      }
      const request = parseEnvelope(await readBody(req));
      addressing = request.addressing;
      const operation = operationOfRequest(request.body.local);
      const shape = operation && this.options.schema.element(request.body.local);
      if (!operation || !shape || request.body.uri !== namespace) {
        throw new Fault(
          'Sender',
          'NotSupported',
          `unknown operation {${request.body.uri}}${request.body.local}`,
        );
      }
      const identity = headerOf(request.headers, namespace, 'chargeBoxIdentity')?.text.trim();
      if (identity !== this.options.identity) {
        throw new Fault('Sender', 'SecurityError', `chargeBoxIdentity "${identity}" is not this station`);
      }
      if (addressing.action !== `/${operation}`) {
        throw new Fault(
          'Sender',
          'ProtocolError',
          `Action "${addressing.action}" does not match /${operation}`,
        );
      }
      let params: JsonObject;
      try {
        params = decodeElement(request.body, shape, namespace) as JsonObject;
      } catch (error) {
        if (!(error instanceof ShapeViolation)) throw error;
        this.options.onInvalid({ method: operation, error, outbound: false });
        throw new Fault('Sender', 'FormationViolation', error.message);
      }
      const answer = await this.options.dispatch(operation, params).catch((error: unknown) => {
        const code = (error as { rpcErrorCode?: unknown }).rpcErrorCode;
        const reason = error instanceof Error ? error.message : String(error);
        throw typeof code === 'string' && code !== 'InternalError'
          ? new Fault('Sender', code, reason)
          : new Fault('Receiver', 'InternalError', reason);
      });
      const responseName = responseElementOf(operation);
      let body: string;
      try {
        body = encodeElement(responseName, this.options.schema.element(responseName)!, answer, namespace);
      } catch (error) {
        if (!(error instanceof ShapeViolation)) throw error;
        this.options.onInvalid({ method: operation, error, outbound: true });
        throw new Fault('Receiver', 'InternalError', `invalid answer: ${error.message}`);
      }
      this.reply(res, 200, `/${operation}Response`, addressing, body);
    } catch (error) {
      // What is not a Fault yet is a message we could not read at all.
      const answer =
        error instanceof Fault
          ? error
          : new Fault('Sender', 'FormationViolation', error instanceof Error ? error.message : String(error));
      const status = answer.code === 'Sender' ? 400 : 500;
      this.reply(res, status, `${WSA}/soap/fault`, addressing, faultBody(answer, namespace));
    }
  }

  private reply(
    res: ServerResponse,
    status: number,
    action: string,
    request: Addressing | undefined,
    body: string,
  ): void {
    const xml = buildEnvelope(
      {
        namespace: this.options.schema.namespace,
        addressing: {
          action,
          messageId: newMessageId(),
          relatesTo: request?.messageId,
          to: request?.replyTo ?? WSA_ANONYMOUS,
        },
      },
      body,
    );
    res.writeHead(status, { 'content-type': SOAP12_CONTENT_TYPE }).end(xml);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('request body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
