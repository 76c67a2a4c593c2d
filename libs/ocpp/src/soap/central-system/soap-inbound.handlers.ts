import { TenantId } from '@csms/common';
import { StationInbound, StationLink } from '@csms/stations/ports/station-inbound.port';
import { TransactionInbound } from '@csms/transactions/ports/transaction-inbound.port';
import {
  AuthorizeRequest,
  BootNotificationRequest,
  DataTransferRequest,
  DiagnosticsStatusNotificationRequest,
  FirmwareStatusNotificationRequest,
  MeterValuesRequest,
  StartTransactionRequest,
  StatusNotificationRequest,
  StopTransactionRequest,
} from '../../v16/types/generated';
import {
  encodeIdTagInfo,
  toDate,
  toMeterValues,
  toOcpp16TransactionId,
  toStatusReport,
} from '../../v16/v16-inbound.mapper';
import { bootAfterRestart } from '../../v16/v16-boot';
import { EncodableValue } from '../schema/xsd-codec';
import { SoapOcppVersion } from '../soap-versions';
import { fromV15MeterValues, V15MeterValuesRequest, V15StopTransactionRequest } from './soap-inbound.mapper';

export interface SoapCallContext {
  tenantId: TenantId;
  stationId: string;
  link: StationLink;
  /** Set by a handler: what the message log records beside the answer (why a badge was refused). */
  note?: string;
}

export type SoapResponse = { readonly [key: string]: EncodableValue };
type Handler = (context: SoapCallContext, request: never) => Promise<SoapResponse>;

/**
 * The station→central system operations of OCPP-S, each decoded to the same port call the JSON
 * edge makes. Bodies reach these handlers schema-validated and shaped like the 1.6 JSON payloads
 * (ints as numbers, dateTimes as ISO strings), so 1.6 reuses the JSON edge's mapper as it is.
 */
export class SoapInboundHandlers {
  constructor(
    private readonly stations: () => StationInbound,
    private readonly transactions: () => TransactionInbound,
  ) {}

  /** The handler of `operation` in `version`, or undefined when that version has no such operation. */
  handler(version: SoapOcppVersion, operation: string): Handler | undefined {
    const table: Record<string, Handler> = version === '1.6' ? this.v16 : this.v15;
    return Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
  }

  private readonly common = {
    Authorize: async (context: SoapCallContext, request: AuthorizeRequest) => {
      const info = await this.transactions().authorize(context.tenantId, context.stationId, request.idTag);
      context.note = info.reason;
      return { idTagInfo: encodeIdTagInfo(info) };
    },
    Heartbeat: async ({ tenantId, stationId }: SoapCallContext) => {
      const now = await this.stations().heartbeat(tenantId, stationId);
      return { currentTime: now };
    },
    StatusNotification: async (
      { tenantId, stationId }: SoapCallContext,
      request: StatusNotificationRequest,
    ) => {
      await this.stations().statusNotification(tenantId, stationId, toStatusReport(request));
      return {};
    },
    StartTransaction: async (context: SoapCallContext, request: StartTransactionRequest) => {
      const result = await this.transactions().start(context.tenantId, context.stationId, {
        connectorId: request.connectorId,
        idTag: request.idTag,
        meterStartWh: request.meterStart,
        timestamp: toDate(request.timestamp),
        reservationId: request.reservationId,
      });
      context.note = result.idTagInfo.reason;
      return {
        transactionId: toOcpp16TransactionId(result.ocppTransactionId),
        idTagInfo: encodeIdTagInfo(result.idTagInfo),
      };
    },
    DataTransfer: async ({ tenantId, stationId }: SoapCallContext, request: DataTransferRequest) => {
      const answer = await this.stations().dataTransfer(tenantId, stationId, {
        vendorId: request.vendorId,
        messageId: request.messageId,
        data: request.data,
      });
      return { status: answer.status, data: answer.data };
    },
    DiagnosticsStatusNotification: async (
      { tenantId, stationId }: SoapCallContext,
      request: DiagnosticsStatusNotificationRequest,
    ) => {
      await this.stations().diagnosticsStatus(tenantId, stationId, request.status);
      return {};
    },
    FirmwareStatusNotification: async (
      { tenantId, stationId }: SoapCallContext,
      request: FirmwareStatusNotificationRequest,
    ) => {
      await this.stations().firmwareStatus(tenantId, stationId, request.status);
      return {};
    },
  };

  private boot(context: SoapCallContext, request: BootNotificationRequest) {
    return bootAfterRestart(this.stations(), this.transactions(), context, request);
  }

  private readonly v16: Record<string, Handler> = {
    ...this.common,
    BootNotification: async (context: SoapCallContext, request: BootNotificationRequest) => {
      const decision = await this.boot(context, request);
      return { status: decision.status, currentTime: decision.currentTime, interval: decision.interval };
    },
    MeterValues: async ({ tenantId, stationId }: SoapCallContext, request: MeterValuesRequest) => {
      await this.transactions().meterValues(
        tenantId,
        stationId,
        request.connectorId,
        request.transactionId === undefined ? undefined : String(request.transactionId),
        toMeterValues(request.meterValue ?? []),
      );
      return {};
    },
    StopTransaction: async ({ tenantId, stationId }: SoapCallContext, request: StopTransactionRequest) => {
      const result = await this.transactions().stop(tenantId, stationId, {
        ocppTransactionId: String(request.transactionId),
        meterStopWh: request.meterStop,
        timestamp: toDate(request.timestamp),
        idTag: request.idTag,
        reason: request.reason,
        transactionData: request.transactionData?.length ? toMeterValues(request.transactionData) : undefined,
      });
      return result.idTagInfo ? { idTagInfo: encodeIdTagInfo(result.idTagInfo) } : {};
    },
  };

  private readonly v15: Record<string, Handler> = {
    ...this.common,
    BootNotification: async (context: SoapCallContext, request: BootNotificationRequest) => {
      const decision = await this.boot(context, request);
      return {
        status: decision.status === 'Pending' ? 'Rejected' : decision.status,
        currentTime: decision.currentTime,
        heartbeatInterval: decision.interval,
      };
    },
    MeterValues: async ({ tenantId, stationId }: SoapCallContext, request: V15MeterValuesRequest) => {
      await this.transactions().meterValues(
        tenantId,
        stationId,
        request.connectorId,
        request.transactionId === undefined ? undefined : String(request.transactionId),
        fromV15MeterValues(request.values ?? []),
      );
      return {};
    },
    StopTransaction: async ({ tenantId, stationId }: SoapCallContext, request: V15StopTransactionRequest) => {
      const samples = (request.transactionData ?? []).flatMap((data) => data.values ?? []);
      const result = await this.transactions().stop(tenantId, stationId, {
        ocppTransactionId: String(request.transactionId),
        meterStopWh: request.meterStop,
        timestamp: toDate(request.timestamp),
        idTag: request.idTag,
        transactionData: samples.length ? fromV15MeterValues(samples) : undefined,
      });
      return result.idTagInfo ? { idTagInfo: encodeIdTagInfo(result.idTagInfo) } : {};
    },
  };
}
