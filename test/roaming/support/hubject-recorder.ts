import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { OicpOpenApi, OicpOperationName } from '../../../libs/roaming/src/oicp/protocol/oicp-openapi';

/** One request our CSMS sent to Hubject: the OICP operation, its path and body. */
export interface RecordedRequest {
  operation: OicpOperationName | undefined;
  path: string;
  body: Record<string, unknown>;
}

/**
 * A stand-in for Hubject's front door in front of oicp-kit's simulator: it records every request we
 * send and forwards it to the simulator, except dynamic pricing (eRoamingPushPricingProductData,
 * eRoamingPushEVSEPricing), which the simulator does not serve. Those it answers itself, after
 * checking the body against Hubject's OpenAPI file: 200 and Result true when it conforms, HTTP 400 and
 * `022 Data error` (as Hubject answers a malformed push) when it does not.
 */
export class HubjectRecorder {
  readonly requests: RecordedRequest[] = [];
  private readonly openApi = OicpOpenApi.get();
  private readonly templates: { operation: OicpOperationName; pattern: RegExp }[];

  private constructor(
    private readonly server: Server,
    private readonly simulatorBaseUrl: string,
    readonly baseUrl: string,
  ) {
    this.templates = [...this.openApi.operations.values()].map(({ name, path }) => ({
      operation: name,
      pattern: new RegExp(`^${path.replace(/[.*]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  static async start(simulatorBaseUrl: string): Promise<HubjectRecorder> {
    // The server exists before the recorder that handles its requests (it needs the port).
    const handler: { recorder?: HubjectRecorder } = {};
    const server = createServer((request, response) => void handler.recorder!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/oicp`;
    handler.recorder = new HubjectRecorder(server, simulatorBaseUrl, baseUrl);
    return handler.recorder;
  }

  /** The bodies sent for `operation`, oldest first. */
  bodiesOf(operation: OicpOperationName): Record<string, unknown>[] {
    return this.requests.filter((request) => request.operation === operation).map((request) => request.body);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = decodeURIComponent((request.url ?? '').replace(/^\/api\/oicp/, '').split('?')[0]);
    const operation = this.templates.find((template) => template.pattern.test(path))?.operation;
    this.requests.push({ operation, path, body: JSON.parse(text || '{}') as Record<string, unknown> });
    if (operation === 'PushPricingProductData' || operation === 'PushEVSEPricing') {
      return this.answerPricing(operation, JSON.parse(text) as unknown, response);
    }
    const forwarded = await fetch(`${this.simulatorBaseUrl}${request.url!.replace(/^\/api\/oicp/, '')}`, {
      method: request.method,
      headers: { 'content-type': 'application/json' },
      ...(request.method === 'POST' ? { body: text } : {}),
    });
    response.statusCode = forwarded.status;
    response.setHeader('content-type', 'application/json');
    response.end(await forwarded.text());
  }

  private answerPricing(operation: OicpOperationName, body: unknown, response: ServerResponse): void {
    response.setHeader('content-type', 'application/json');
    try {
      this.openApi.checkRequest(operation, body);
    } catch (error) {
      response.statusCode = 400;
      response.end(
        JSON.stringify({
          Result: false,
          StatusCode: { Code: '022', Description: 'Data error', AdditionalInfo: (error as Error).message },
        }),
      );
      return;
    }
    response.end(JSON.stringify({ Result: true, StatusCode: { Code: '000', Description: 'Success' } }));
  }
}
