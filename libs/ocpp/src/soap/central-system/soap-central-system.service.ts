import { asTenantId, DomainError, ErrorCode, isDatabaseUnavailable, TenantId } from '@csms/common';
import { StationInbound, StationLink } from '@csms/stations/ports/station-inbound.port';
import { TransactionInbound } from '@csms/transactions/ports/transaction-inbound.port';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { SoapEndpointRegistry } from '../endpoints/soap-endpoint.registry';
import { SoapMessageLog } from '../soap-message-log';
import { decodeElement, encodeElement, SchemaViolation } from '../schema/xsd-codec';
import { XsdSchema } from '../schema/xsd-schema';
import {
  addressingHeaders,
  envelope,
  faultEnvelope,
  headerText,
  parseEnvelope,
  replyAddressing,
  soapContentType,
  SoapRequest,
  SoapVersion,
} from '../soap-envelope';
import { SoapFault } from '../soap-fault';
import { requestElementOf, responseElementOf, SOAP_VERSIONS, SoapOcppVersion } from '../soap-versions';
import { SoapCallContext, SoapInboundHandlers } from './soap-inbound.handlers';

export interface SoapHttpAnswer {
  status: number;
  body: string;
  contentType: string;
}

/** A station allowed in is not asked about again for this long (each SOAP message is a new request). */
const ADMISSION_TTL_MS = 60_000;
/** A SOAP station's lastSeen is refreshed at most this often by messages other than Heartbeat. */
const TOUCH_INTERVAL_MS = 30_000;
/** A station speaking SOAP 1.1 is warned about once per this time, not at every message. */
const SOAP11_WARNING_INTERVAL_MS = 3_600_000;

/**
 * The OCPP-S CentralSystemService: one SOAP 1.2 request in, one envelope out (an answer or a
 * Fault, never a crash). Parsing, schema validation and WS-Addressing happen here; the meaning
 * of each operation lives in SoapInboundHandlers.
 */
@Injectable()
export class SoapCentralSystemService {
  private readonly logger = new Logger(SoapCentralSystemService.name);
  private readonly schemas: Record<SoapOcppVersion, XsdSchema> = {
    '1.5': XsdSchema.fromWsdl(SOAP_VERSIONS['1.5'].centralSystemWsdl),
    '1.6': XsdSchema.fromWsdl(SOAP_VERSIONS['1.6'].centralSystemWsdl),
  };
  private readonly handlers = new SoapInboundHandlers(
    () => this.port(StationInbound),
    () => this.port(TransactionInbound),
  );
  private readonly admitted = new Map<string, number>();
  private readonly touched = new Map<string, number>();
  private readonly soap11WarnedAt = new Map<string, number>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly endpoints: SoapEndpointRegistry,
    private readonly messageLog: SoapMessageLog,
  ) {}

  async handle(
    tenant: string,
    version: SoapOcppVersion,
    xml: string,
    authorization?: string,
    registrationToken?: string,
  ): Promise<SoapHttpAnswer> {
    const namespace = SOAP_VERSIONS[version].centralSystemNamespace;
    const startedAt = Date.now();
    let request: SoapRequest | undefined;
    let station: { tenantId: TenantId; stationId: string } | undefined;
    let operation: string | undefined;
    try {
      request = parseEnvelope(xml);
      const body = request.body;
      if (body.uri !== namespace) {
        throw new SoapFault(
          'Sender',
          'ProtocolError',
          `Wrong namespace "${body.uri}" for OCPP ${version}: expected "${namespace}"`,
        );
      }
      operation = this.operationOf(version, body.local);
      const stationId = headerText(request, namespace, 'chargeBoxIdentity');
      if (!stationId)
        throw new SoapFault('Sender', 'ProtocolError', 'The chargeBoxIdentity header is missing');
      if (request.soapVersion === '1.1') this.warnSoap11(tenant, stationId);
      this.checkAddressing(request, operation);
      const password = passwordOf(authorization, stationId);
      const tenantId = await this.admit(tenant, stationId, password, registrationToken);
      station = { tenantId, stationId };

      const decoded = decodeElement(body, this.schemas[version].element(body.local)!, namespace, '');
      const link: StationLink = {
        ocppVersion: version,
        ocppProtocol: 'soap',
        endpoint: request.addressing.from,
      };
      await this.track(tenantId, stationId, operation, version, link);
      const handler = this.handlers.handler(version, operation)!;
      const context: SoapCallContext = { tenantId, stationId, link };
      const result = await handler(context, decoded as never);

      const responseName = responseElementOf(operation);
      const responseXml = envelope(
        addressingHeaders(replyAddressing(request.addressing, `/${operation}Response`)),
        encodeElement(responseName, this.schemas[version].element(responseName)!, result, namespace),
        request.soapVersion,
      );
      this.messageLog.handled(station, operation, request.addressing.messageId, xml, startedAt, {
        xml: responseXml,
        note: context.note,
      });
      return { status: 200, body: responseXml, contentType: soapContentType(request.soapVersion) };
    } catch (error) {
      const fault = this.toFault(error, operation, station?.stationId);
      const soapVersion: SoapVersion = request?.soapVersion ?? '1.2';
      const faultXml = faultEnvelope(fault, request?.addressing, namespace, soapVersion);
      if (station) {
        this.messageLog.handled(station, operation, request?.addressing.messageId, xml, startedAt, {
          xml: faultXml,
          errorCode: fault.subcode,
        });
      }
      return { status: fault.httpStatus, body: faultXml, contentType: soapContentType(soapVersion) };
    }
  }

  /** OCPP-S says SOAP 1.2; a 1.1 station is served, and its operator told so now and then. */
  private warnSoap11(tenant: string, stationId: string): void {
    const key = `${tenant}\u0000${stationId}`;
    const now = Date.now();
    const warnedAt = this.soap11WarnedAt.get(key);
    if (warnedAt !== undefined && now - warnedAt < SOAP11_WARNING_INTERVAL_MS) return;
    this.soap11WarnedAt.set(key, now);
    this.logger.warn(
      { tenantId: tenant, chargingStationId: stationId },
      `Charging station ${stationId} speaks SOAP 1.1; OCPP-S is SOAP 1.2. Served and answered in SOAP 1.1`,
    );
  }

  private operationOf(version: SoapOcppVersion, element: string): string {
    const match = /^([a-z][A-Za-z]*)Request$/.exec(element);
    const operation = match ? `${match[1][0].toUpperCase()}${match[1].slice(1)}` : undefined;
    if (
      !operation ||
      requestElementOf(operation) !== element ||
      !this.handlers.handler(version, operation) ||
      !this.schemas[version].element(element)
    ) {
      throw new SoapFault('Sender', 'NotSupported', `Unknown operation "${element}" for OCPP ${version}`);
    }
    return operation;
  }

  /** WS-Addressing is required by OCPP-S: a request says what it is and how to answer it. */
  private checkAddressing(request: SoapRequest, operation: string): void {
    const { action, messageId } = request.addressing;
    if (!action) throw new SoapFault('Sender', 'ProtocolError', 'The WS-Addressing Action header is missing');
    if (action !== `/${operation}`) {
      throw new SoapFault(
        'Sender',
        'ProtocolError',
        `Action "${action}" does not match the body (/${operation})`,
      );
    }
    if (!messageId)
      throw new SoapFault('Sender', 'ProtocolError', 'The WS-Addressing MessageID header is missing');
  }

  private async admit(
    tenant: string,
    stationId: string,
    password: string | undefined,
    registrationToken?: string,
  ): Promise<TenantId> {
    // Keyed by the credentials too, so a password is verified (slowly) once per TTL, not per message.
    const secrets = JSON.stringify([password ?? null, registrationToken ?? null]);
    const credentials =
      secrets === '[null,null]' ? '' : createHash('sha256').update(secrets).digest('base64');
    const key = `${tenant}\u0000${stationId}\u0000${credentials}`;
    const until = this.admitted.get(key);
    if (until !== undefined && until > Date.now()) return asTenantId(tenant);
    const decision = await this.port(StationInbound).mayConnect(
      tenant,
      stationId,
      password,
      false,
      registrationToken,
    );
    if (!decision.allowed) {
      this.admitted.delete(key);
      const reasons = {
        'unknown-tenant': `Unknown tenant "${tenant}"`,
        'unknown-station': `Charging station "${stationId}" is not registered`,
        'bad-credentials': `Wrong or missing credentials for charging station "${stationId}"`,
      };
      throw new SoapFault('Sender', 'SecurityError', reasons[decision.reason]);
    }
    this.admitted.set(key, Date.now() + ADMISSION_TTL_MS);
    return asTenantId(tenant);
  }

  /** A SOAP station has no connection to watch: its messages are its presence, its From its address. */
  private async track(
    tenantId: TenantId,
    stationId: string,
    operation: string,
    version: SoapOcppVersion,
    link: StationLink,
  ): Promise<void> {
    const key = `${tenantId}\u0000${stationId}`;
    const changed = link.endpoint
      ? await this.endpoints.update(tenantId, {
          stationId,
          version,
          endpoint: link.endpoint,
        })
      : false;
    const now = Date.now();
    const lastTouch = this.touched.get(key);
    // BootNotification reports the link and presence itself.
    if (operation === 'BootNotification') {
      this.touched.set(key, now);
      return;
    }
    if (changed || lastTouch === undefined) {
      await this.port(StationInbound).connected(tenantId, stationId, link);
      this.touched.set(key, now);
      return;
    }
    // A Heartbeat's handler reports presence; other messages do every TOUCH_INTERVAL_MS.
    if (operation === 'Heartbeat') {
      this.touched.set(key, now);
    } else if (now - lastTouch > TOUCH_INTERVAL_MS) {
      await this.port(StationInbound).heartbeat(tenantId, stationId);
      this.touched.set(key, now);
    }
  }

  private toFault(error: unknown, operation: string | undefined, stationId: string | undefined): SoapFault {
    if (error instanceof SoapFault) return error;
    if (error instanceof SchemaViolation) {
      return new SoapFault(
        'Sender',
        'FormationViolation',
        `Invalid ${operation ?? 'request'}: ${error.message}`,
      );
    }
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
      return new SoapFault('Sender', 'PropertyConstraintViolation', error.message);
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(
        { operation, stationId },
        `SOAP ${operation ?? 'request'} refused: the database is unavailable`,
      );
    } else {
      this.logger.error(
        { err: error, operation, stationId },
        `Handling SOAP ${operation ?? 'request'} failed`,
      );
    }
    return new SoapFault('Receiver', 'InternalError', `${operation ?? 'The request'} could not be processed`);
  }

  /** The domain's ports, found at call time so this module loads whichever modules are present. */
  private port<T>(token: abstract new (...args: never[]) => T): T {
    return this.moduleRef.get(token, { strict: false });
  }
}

/** HTTP Basic credentials, when they are the station's own (security profile 1 over SOAP). */
function passwordOf(authorization: string | undefined, stationId: string): string | undefined {
  const match = authorization && /^Basic\s+(\S+)$/i.exec(authorization);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && decoded.slice(0, colon) === stationId ? decoded.slice(colon + 1) : undefined;
}
