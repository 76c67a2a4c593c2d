import { Public } from '@csms/auth';
import { APP_CONFIG, AppConfig, TenantId, isValidTenantId } from '@csms/common';
import { Body, Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { OcpiMessageLog } from '../../ocpi/log/ocpi-message-log';
import { OicpOpenApi, OicpOperationName, OicpSchemaViolation } from '../protocol/oicp-openapi';
import { OicpConnection } from '../settings/oicp-connection';
import { OicpSettingsService } from '../settings/oicp-settings.service';
import { OicpAcknowledgement, OicpRefusal, acknowledgement } from './oicp-acknowledgement';
import { forwardedPeerIssuedBy, peerIssuedBy } from './oicp-peer-certificate';
import { OicpRemoteService } from './oicp-remote.service';

/**
 * What Hubject calls on us as a CPO, at the OICP 2.3 OpenAPI's paths below /oicp/{tenant}: remote
 * start and stop. No JWT: Hubject authenticates with its client certificate, which must chain to the
 * tenant's Hubject CA, presented to our TLS or, behind a reverse proxy that ends TLS, forwarded by one
 * of OICP_TRUSTED_PROXIES in OICP_CLIENT_CERT_HEADER. A body that breaks the OpenAPI gets HTTP 400 and
 * `022 Data error`, as Hubject answers a malformed push; every request and answer goes to the roaming log.
 */
@Controller('oicp/:tenant')
@Public()
export class OicpRemoteController {
  private readonly openApi = OicpOpenApi.get();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: OicpSettingsService,
    private readonly remote: OicpRemoteService,
    private readonly log: OcpiMessageLog,
  ) {}

  @Post('charging/v21/providers/:providerID/authorize-remote/start')
  start(
    @Req() request: Request,
    @Res() response: Response,
    @Param('tenant') tenant: string,
    @Param('providerID') providerId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.handle(
      'AuthorizeRemoteStart',
      { request, response, tenant, providerId, body },
      (tenantId, connection) => this.remote.start(tenantId, connection, body as never),
    );
  }

  @Post('charging/v21/providers/:providerID/authorize-remote/stop')
  stop(
    @Req() request: Request,
    @Res() response: Response,
    @Param('tenant') tenant: string,
    @Param('providerID') providerId: string,
    @Body() body: unknown,
  ): Promise<void> {
    return this.handle(
      'AuthorizeRemoteStop',
      { request, response, tenant, providerId, body },
      (tenantId, connection) => this.remote.stop(tenantId, connection, body as never),
    );
  }

  private async handle(
    operation: OicpOperationName,
    call: { request: Request; response: Response; tenant: string; providerId: string; body: unknown },
    act: (tenantId: TenantId, connection: OicpConnection) => Promise<OicpAcknowledgement>,
  ): Promise<void> {
    const started = Date.now();
    let status = 200;
    let answer: OicpAcknowledgement;
    let connection: OicpConnection | null = null;
    try {
      connection = await this.authenticate(call.request, call.tenant);
      try {
        this.openApi.checkRequest(operation, call.body);
      } catch (error) {
        if (error instanceof OicpSchemaViolation)
          throw new OicpRefusal(400, acknowledgement('DATA_ERROR', error.message));
        throw error;
      }
      if ((call.body as { ProviderID: string }).ProviderID !== call.providerId) {
        throw new OicpRefusal(
          400,
          acknowledgement('DATA_ERROR', 'The ProviderID of the body is not the one of the path'),
        );
      }
      answer = await act(call.tenant as TenantId, connection);
    } catch (error) {
      if (!(error instanceof OicpRefusal)) throw error;
      status = error.httpStatus;
      answer = error.answer;
    }
    // What we answer is checked like what we send.
    this.openApi.checkResponse(operation, answer);
    const text = JSON.stringify(answer);
    if (connection) {
      this.log.record({
        tenantId: call.tenant,
        partnerId: connection.partnerId,
        direction: 'in',
        method: 'POST',
        url: call.request.originalUrl,
        module: `oicp:${operation}`,
        httpStatus: status,
        statusMessage: `${answer.Result} ${answer.StatusCode.Code} ${answer.StatusCode.Description}`,
        requestBytes: Number(call.request.headers['content-length'] ?? 0),
        responseBytes: Buffer.byteLength(text),
        latencyMs: Date.now() - started,
        at: new Date(),
      });
    }
    call.response.status(status).type('application/json').send(text);
  }

  /** The tenant's Hubject connection, when the caller's client certificate chains to its Hubject CA. */
  private async authenticate(request: Request, tenant: string): Promise<OicpConnection> {
    const refused = (why: string) => new OicpRefusal(403, acknowledgement('UNAUTHORIZED', why));
    const connection = isValidTenantId(tenant) ? await this.settings.connection(tenant as TenantId) : null;
    // An unknown tenant and one without Hubject look alike on purpose.
    if (!connection?.caCertificate) throw refused('No Hubject connection takes requests here');
    const proxied = {
      proxies: this.config.OICP_TRUSTED_PROXIES,
      header: this.config.OICP_CLIENT_CERT_HEADER,
    };
    if (
      !peerIssuedBy(request.socket, connection.caCertificate) &&
      !forwardedPeerIssuedBy(request, proxied, connection.caCertificate)
    ) {
      throw refused('A client certificate issued by the Hubject CA is required');
    }
    return connection;
  }
}
