import { EventEmitter } from 'node:events';
import { CallHandler, OcppTransport, TransportFactory, TransportOptions } from '../ocpp-transport';
import { ChargePointService } from './charge-point-service';
import { decodeElement, encodeElement, JsonObject, ShapeViolation } from './soap-codec';
import {
  buildEnvelope,
  faultReason,
  newMessageId,
  parseEnvelope,
  requestElementOf,
  responseElementOf,
  SOAP12_CONTENT_TYPE,
  WSA_ANONYMOUS,
} from './soap-envelope';
import { wsdlFile, WsdlShapes } from './wsdl-shapes';

export interface SoapTransportSettings {
  /** Where each station's ChargePointService listens, and the address it announces in WS-Addressing From. */
  host: string;
}

interface Schemas {
  centralSystem: WsdlShapes;
  chargePoint: WsdlShapes;
}

let schemas16: Schemas | undefined;

/** Read once for every station: the OCPP 1.6 CentralSystem and ChargePoint WSDLs of the project. */
function ocpp16Schemas(): Schemas {
  schemas16 ??= {
    centralSystem: WsdlShapes.read(wsdlFile('ocpp-central-system-1.6.wsdl')),
    chargePoint: WsdlShapes.read(wsdlFile('ocpp-charge-point-1.6.wsdl')),
  };
  return schemas16;
}

const PROBE_INITIAL_MS = 1000;
const PROBE_MAX_MS = 15_000;

/** OCPP-S 1.6: SOAP 1.2 with WS-Addressing to the CSMS, and the station's own ChargePointService. */
export function soapTransport(settings: SoapTransportSettings): TransportFactory {
  return (options) => new SoapTransport(options, settings, ocpp16Schemas());
}

/**
 * A SOAP station has no connection: it is "open" while the CSMS answers HTTP. A call that cannot reach
 * the CSMS makes it "disconnect" and probe the CSMS with backoff until it answers again ("open"), so
 * the station queues and replays its transaction messages as an OCPP-J station does over an outage.
 */
class SoapTransport extends EventEmitter implements OcppTransport {
  private readonly handlers = new Map<string, CallHandler>();
  private fallback?: CallHandler;
  private readonly service: ChargePointService;
  private online = false;
  private closed = false;
  private probeTimer?: NodeJS.Timeout;

  constructor(
    private readonly options: TransportOptions,
    settings: SoapTransportSettings,
    private readonly schemas: Schemas,
  ) {
    super();
    this.service = new ChargePointService({
      identity: options.identity,
      host: settings.host,
      schema: schemas.chargePoint,
      dispatch: (operation, params) => this.dispatch(operation, params),
      onInvalid: (failure) => this.emit('strictValidationFailure', failure),
    });
  }

  handle(method: string | CallHandler, handler?: CallHandler): void {
    if (typeof method === 'function') this.fallback = method;
    else if (handler) this.handlers.set(method, handler);
  }

  /** Resolves once the CSMS answers HTTP and the ChargePointService listens. */
  async connect(): Promise<void> {
    if (!(await this.reachable())) throw new Error(`${this.options.endpoint} does not answer`);
    await this.service.start();
    if (this.closed) {
      await this.service.stop();
      throw new Error('closed while connecting');
    }
    this.becomeOnline();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probeTimer);
    await this.service.stop();
    if (this.online) {
      this.online = false;
      this.emit('disconnect');
    }
  }

  async call(method: string, params: object): Promise<unknown> {
    if (this.closed) throw new Error(`${method}: transport closed`);
    const { centralSystem } = this.schemas;
    const requestShape = centralSystem.element(requestElementOf(method));
    if (!requestShape) throw new Error(`${method} is not an OCPP-S 1.6 operation`);
    let body: string;
    try {
      body = encodeElement(requestElementOf(method), requestShape, params, centralSystem.namespace);
    } catch (error) {
      if (error instanceof ShapeViolation)
        this.emit('strictValidationFailure', { method, error, outbound: true });
      throw error;
    }
    const messageId = newMessageId();
    const xml = buildEnvelope(
      {
        namespace: centralSystem.namespace,
        chargeBoxIdentity: this.options.identity,
        addressing: {
          action: `/${method}`,
          messageId,
          to: this.options.endpoint,
          from: this.service.endpoint,
          replyTo: WSA_ANONYMOUS,
        },
      },
      body,
    );
    const text = await this.post(method, xml);
    const answer = parseEnvelope(text);
    const fault = faultReason(answer.body);
    if (fault !== undefined) throw new Error(`${method}: SOAP Fault ${fault}`);
    if (answer.addressing.relatesTo !== undefined && answer.addressing.relatesTo !== messageId) {
      throw new Error(`${method}: answer relates to ${answer.addressing.relatesTo}, not ${messageId}`);
    }
    const responseName = responseElementOf(method);
    if (answer.body.uri !== centralSystem.namespace || answer.body.local !== responseName) {
      throw new Error(`${method}: expected ${responseName}, got {${answer.body.uri}}${answer.body.local}`);
    }
    try {
      return decodeElement(answer.body, centralSystem.element(responseName)!, centralSystem.namespace);
    } catch (error) {
      if (error instanceof ShapeViolation)
        this.emit('strictValidationFailure', { method, error, outbound: false });
      throw error;
    }
  }

  private async post(method: string, xml: string): Promise<string> {
    const headers: Record<string, string> = { 'content-type': `${SOAP12_CONTENT_TYPE}; action="/${method}"` };
    if (this.options.password !== undefined) {
      const credentials = `${this.options.identity}:${this.options.password}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    try {
      const response = await fetch(this.options.endpoint, {
        method: 'POST',
        headers,
        body: xml,
        signal: AbortSignal.timeout(this.options.callTimeoutMs),
      });
      // A Fault comes with a 4xx/5xx status and is read like any answer.
      return await response.text();
    } catch (error) {
      if (isTimeout(error)) throw new Error(`${method} timed out`);
      this.becomeUnreachable();
      throw new Error(`${method}: the CSMS does not answer (${causeOf(error)})`);
    }
  }

  private async dispatch(operation: string, params: JsonObject): Promise<unknown> {
    const handler = this.handlers.get(operation) ?? this.fallback;
    if (!handler)
      throw Object.assign(new Error(`${operation} is not implemented`), { rpcErrorCode: 'NotImplemented' });
    return handler({ method: operation, params });
  }

  /** Any HTTP answer (the WSDL, or a 404 from another CSMS) means the CSMS is there. */
  private async reachable(): Promise<boolean> {
    try {
      const response = await fetch(`${this.options.endpoint}?wsdl`, {
        signal: AbortSignal.timeout(this.options.callTimeoutMs),
      });
      await response.arrayBuffer();
      return true;
    } catch {
      return false;
    }
  }

  private becomeOnline(): void {
    if (this.online || this.closed) return;
    this.online = true;
    this.emit('open');
  }

  private becomeUnreachable(): void {
    if (!this.online || this.closed) return;
    this.online = false;
    this.emit('disconnect');
    this.probe(PROBE_INITIAL_MS);
  }

  private probe(waitMs: number): void {
    this.probeTimer = setTimeout(
      () => {
        void this.reachable().then((up) => {
          if (this.closed) return;
          if (up) this.becomeOnline();
          else this.probe(Math.min(waitMs * 2, PROBE_MAX_MS));
        });
      },
      waitMs * (0.75 + Math.random() / 2),
    );
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
