import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  DomainError,
  ErrorCode,
  TenantId,
  noteOcppCall,
} from '@csms/common';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SoapEndpoint } from '../endpoints/soap-endpoint.repository';
import {
  DecodedObject,
  decodeElement,
  EncodableValue,
  encodeElement,
  SchemaViolation,
} from '../schema/xsd-codec';
import { XsdSchema } from '../schema/xsd-schema';
import {
  addressingHeaders,
  envelope,
  faultReason,
  isFault,
  newMessageId,
  parseEnvelope,
  SOAP12_CONTENT_TYPE,
  SoapRequest,
  WSA_ANONYMOUS,
} from '../soap-envelope';
import { SoapFault } from '../soap-fault';
import { SoapAnswer, SoapMessageLog } from '../soap-message-log';
import { requestElementOf, responseElementOf, SOAP_VERSIONS, SoapOcppVersion } from '../soap-versions';
import { escapeXml, parseXml } from '../xml/xml-element';

export type SoapArguments = { readonly [key: string]: EncodableValue };

/** The station answered, but not with what its WSDL promises (or with a Fault). */
export class StationSoapError extends DomainError {
  constructor(stationId: string, operation: string, reason: string) {
    super(ErrorCode.BAD_USER_INPUT, `Charging station ${stationId} failed ${operation}: ${reason}`, {
      chargingStationId: stationId,
      action: operation,
    });
  }
}

/**
 * Calls a station's ChargePointService: the request encoded and the answer validated against the
 * project's ChargePoint WSDL of the station's version, with chargeBoxIdentity and WS-Addressing.
 */
@Injectable()
export class SoapChargePointClient {
  private readonly logger = new Logger(SoapChargePointClient.name);
  private readonly schemas: Record<SoapOcppVersion, XsdSchema> = {
    '1.5': XsdSchema.fromWsdl(SOAP_VERSIONS['1.5'].chargePointWsdl),
    '1.6': XsdSchema.fromWsdl(SOAP_VERSIONS['1.6'].chargePointWsdl),
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly messageLog: SoapMessageLog,
  ) {}

  supports(version: SoapOcppVersion, operation: string): boolean {
    return this.schemas[version].element(requestElementOf(operation)) !== undefined;
  }

  async call(
    tenantId: TenantId,
    station: SoapEndpoint,
    operation: string,
    request: SoapArguments,
  ): Promise<DecodedObject> {
    const { stationId, version, endpoint } = station;
    const schema = this.schemas[version];
    const namespace = SOAP_VERSIONS[version].chargePointNamespace;
    const requestType = schema.element(requestElementOf(operation));
    if (!requestType) throw new BadInputError(`${operation} is not supported by OCPP ${version}`);

    const messageId = newMessageId();
    const headers =
      `<chargeBoxIdentity xmlns="${escapeXml(namespace)}">${escapeXml(stationId)}</chargeBoxIdentity>` +
      addressingHeaders({ action: `/${operation}`, messageId, to: endpoint, replyTo: WSA_ANONYMOUS });
    const body = encodeElement(requestElementOf(operation), requestType, request, namespace);
    this.validate(operation, version, body);
    const xml = envelope(headers, body);
    noteOcppCall({ chargingStationId: stationId, action: operation, messageId });
    const startedAt = Date.now();
    const log = (answer?: SoapAnswer) =>
      this.messageLog.called({ tenantId, stationId }, operation, messageId, xml, startedAt, answer);

    let text: string;
    try {
      text = await this.post(stationId, operation, endpoint, xml);
    } catch (error) {
      log();
      throw error;
    }
    let answer: SoapRequest;
    try {
      answer = parseEnvelope(text);
    } catch (error) {
      log({ xml: text, errorCode: 'FormationViolation' });
      throw new StationSoapError(
        stationId,
        operation,
        error instanceof SoapFault ? error.message : 'unreadable answer',
      );
    }
    if (answer.soapVersion === '1.1') {
      // OCPP-S is SOAP 1.2, but the station's stack answers in 1.1: read it all the same.
      this.logger.warn(
        { tenantId, chargingStationId: stationId, operation },
        `Charging station ${stationId} answered ${operation} in SOAP 1.1; OCPP-S is SOAP 1.2`,
      );
    }
    if (isFault(answer)) {
      const reason = faultReason(answer) ?? 'SOAP Fault';
      log({ xml: text, errorCode: 'Fault' });
      throw new StationSoapError(stationId, operation, reason);
    }
    const responseName = responseElementOf(operation);
    try {
      if (answer.body.uri !== namespace || answer.body.local !== responseName) {
        throw new SchemaViolation(
          `expected {${namespace}}${responseName}, got {${answer.body.uri}}${answer.body.local}`,
        );
      }
      const decoded = decodeElement(
        answer.body,
        schema.element(responseName)!,
        namespace,
        '',
      ) as DecodedObject;
      log({ xml: text });
      return decoded;
    } catch (error) {
      if (!(error instanceof SchemaViolation)) throw error;
      log({ xml: text, errorCode: 'FormationViolation' });
      throw new StationSoapError(stationId, operation, `invalid answer: ${error.message}`);
    }
  }

  /** What we send is held to the same schema as what we receive: the caller hears of a bad value, not the station. */
  private validate(operation: string, version: SoapOcppVersion, body: string): void {
    const namespace = SOAP_VERSIONS[version].chargePointNamespace;
    try {
      decodeElement(
        parseXml(body),
        this.schemas[version].element(requestElementOf(operation))!,
        namespace,
        '',
      );
    } catch (error) {
      if (!(error instanceof SchemaViolation)) throw error;
      throw new BadInputError(`Invalid ${operation} for OCPP ${version}: ${error.message}`);
    }
  }

  private async post(stationId: string, operation: string, endpoint: string, xml: string): Promise<string> {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': `${SOAP12_CONTENT_TYPE}; action="/${operation}"` },
        body: xml,
        signal: AbortSignal.timeout(this.config.OCPP_CALL_TIMEOUT_MS),
      });
      // SOAP Faults come with 4xx/5xx statuses and are read like any answer.
      return await response.text();
    } catch (error) {
      // Refused, unresolvable, reset: whatever the network says, nobody answers at that address.
      throw isTimeout(error)
        ? new StationTimeoutError(stationId, operation)
        : new StationOfflineError(stationId);
    }
  }
}

/** By name: fetch's errors may come from another realm (test runners), where instanceof fails. */
function isTimeout(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}
