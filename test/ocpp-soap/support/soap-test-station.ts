import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as soap from 'soap';

/** The Open Charge Alliance's WSDLs, verbatim test fixtures (see their NOTICE): the reference a real station is built from. */
export const OCA_WSDL_DIR = path.resolve(__dirname, '../../fixtures/oca-wsdl');
export const WSA = 'http://www.w3.org/2005/08/addressing';

export type SoapVersion = '1.5' | '1.6';

export const OCA = {
  '1.5': {
    centralSystem: 'OCPPCentralSystemService15.wsdl',
    chargePoint: 'OCPPChargePointService15.wsdl',
    csNamespace: 'urn://Ocpp/Cs/2012/06/',
    cpNamespace: 'urn://Ocpp/Cp/2012/06/',
  },
  '1.6': {
    centralSystem: 'OCPPCentralSystemService16.wsdl',
    chargePoint: 'OCPPChargePointService16.wsdl',
    csNamespace: 'urn://Ocpp/Cs/2015/10/',
    cpNamespace: 'urn://Ocpp/Cp/2015/10/',
  },
};

export interface ReceivedCall {
  operation: string;
  args: Record<string, unknown>;
  headers: Record<string, unknown>;
}

type Answer = (args: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>;

/**
 * A charge point made only from the OCA WSDLs with the `soap` package: a client of the
 * CentralSystemService and a ChargePointService server that records what it is asked.
 */
export class SoapTestStation {
  readonly received: ReceivedCall[] = [];
  /** Answers per ChargePointService operation; an operation without one answers `{ status: 'Accepted' }`. */
  readonly answers: Record<string, Answer> = {};
  lastResponseHeaders: Record<string, unknown> = {};

  private constructor(
    readonly version: SoapVersion,
    readonly id: string,
    private readonly centralSystemUrl: string,
    private readonly client: soap.Client,
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  /**
   * `envelopes: '1.1'` makes the `soap` package speak SOAP 1.1 both ways (envelope namespace,
   * text/xml), as some stations' stacks do although OCPP-S says SOAP 1.2.
   */
  static async start(
    version: SoapVersion,
    centralSystemUrl: string,
    id: string,
    envelopes: '1.1' | '1.2' = '1.2',
  ): Promise<SoapTestStation> {
    const oca = OCA[version];
    const forceSoap12Headers = envelopes === '1.2';
    const client = await soap.createClientAsync(
      path.join(OCA_WSDL_DIR, oca.centralSystem),
      { forceSoap12Headers },
      centralSystemUrl,
    );
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ChargePointService`;
    const station = new SoapTestStation(version, id, centralSystemUrl, client, server, endpoint);
    soap.listen(server, {
      path: '/ChargePointService',
      services: { ChargePointService: { ChargePointServiceSoap12: station.chargePointService() } },
      xml: readFileSync(path.join(OCA_WSDL_DIR, oca.chargePoint), 'utf8'),
      forceSoap12Headers,
    } as soap.IServerOptions);
    return station;
  }

  /** Every operation of the WSDL is served by the same recorder. */
  private chargePointService(): soap.IServicePort {
    const handler =
      (operation: string) =>
      async (args: Record<string, unknown>, _callback: unknown, headers: Record<string, unknown>) => {
        this.received.push({ operation, args, headers });
        const answer = this.answers[operation];
        return answer ? answer(args) : { status: 'Accepted' };
      };
    return new Proxy<soap.IServicePort>({}, { get: (_target, operation: string) => handler(operation) });
  }

  /** Calls a CentralSystemService operation with chargeBoxIdentity and WS-Addressing, From = our endpoint. */
  async call<T = Record<string, unknown>>(operation: string, args: Record<string, unknown>): Promise<T> {
    this.client.clearSoapHeaders();
    this.client.addSoapHeader(
      `<chargeBoxIdentity xmlns="${OCA[this.version].csNamespace}">${this.id}</chargeBoxIdentity>`,
    );
    this.client.addSoapHeader(
      `<wsa:Action xmlns:wsa="${WSA}">/${operation}</wsa:Action>` +
        `<wsa:MessageID xmlns:wsa="${WSA}">urn:uuid:${randomUUID()}</wsa:MessageID>` +
        `<wsa:From xmlns:wsa="${WSA}"><wsa:Address>${this.endpoint}</wsa:Address></wsa:From>` +
        `<wsa:ReplyTo xmlns:wsa="${WSA}"><wsa:Address>${WSA}/anonymous</wsa:Address></wsa:ReplyTo>` +
        `<wsa:To xmlns:wsa="${WSA}">${this.centralSystemUrl}</wsa:To>`,
    );
    const method = (this.client as unknown as Record<string, (args: unknown) => Promise<unknown[]>>)[
      `${operation}Async`
    ];
    const [result, , header] = await method.call(this.client, args);
    this.lastResponseHeaders = (header ?? {}) as Record<string, unknown>;
    return (result ?? {}) as T;
  }

  /** The last request this station's client sent, as XML. */
  get lastRequest(): string {
    return this.client.lastRequest ?? '';
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
