import { StationInbound } from '@csms/stations/ports/station-inbound.port';
import { TransactionInbound } from '@csms/transactions/ports/transaction-inbound.port';
import { Injectable, Logger } from '@nestjs/common';
import { refuseWhileHeldBack } from '../adapters/boot-gate';
import { toCallError } from '../adapters/handler-errors';
import { CertificateSigning } from '../security/certificate-signing';
import { StationSession } from '../session/station-session';
import { StationNotificationRepository } from '../v201/station-notification.repository';
import { OcppV16Calls } from './types/generated';
import { bootAfterRestart } from './v16-boot';
import {
  encodeIdTagInfo,
  toDate,
  toMeterValues,
  toOcpp16TransactionId,
  toStatusReport,
} from './v16-inbound.mapper';

/** `note`: what the message log records beside the answer (why a badge was refused). */
type Handler<A extends keyof OcppV16Calls> = (
  session: StationSession,
  request: OcppV16Calls[A]['request'],
  note: (text: string | undefined) => void,
) => Promise<OcppV16Calls[A]['response']>;

/**
 * The station→central system half of OCPP 1.6: each action decoded to one domain call. Payloads
 * reach these handlers only after strict schema validation, so their types hold.
 */
@Injectable()
export class V16InboundHandlers {
  private readonly logger = new Logger(V16InboundHandlers.name);

  constructor(
    private readonly stations: StationInbound,
    private readonly transactions: TransactionInbound,
    private readonly notifications: StationNotificationRepository,
    private readonly signing: CertificateSigning,
  ) {}

  private readonly handlers: { [A in keyof OcppV16Calls]?: Handler<A> } = {
    BootNotification: async (session, request) => {
      const decision = await bootAfterRestart(this.stations, this.transactions, session, request);
      session.bootStatus = decision.status;
      return {
        status: decision.status,
        interval: decision.interval,
        currentTime: decision.currentTime.toISOString(),
      };
    },
    Heartbeat: async (session) => {
      const now = await this.stations.heartbeat(session.tenantId, session.stationId);
      return { currentTime: now.toISOString() };
    },
    StatusNotification: async (session, request) => {
      await this.stations.statusNotification(session.tenantId, session.stationId, toStatusReport(request));
      return {};
    },
    Authorize: async (session, request, note) => {
      const info = await this.transactions.authorize(session.tenantId, session.stationId, request.idTag);
      note(info.reason);
      return { idTagInfo: encodeIdTagInfo(info) };
    },
    StartTransaction: async (session, request, note) => {
      const result = await this.transactions.start(session.tenantId, session.stationId, {
        connectorId: request.connectorId,
        idTag: request.idTag,
        meterStartWh: request.meterStart,
        timestamp: toDate(request.timestamp),
        reservationId: request.reservationId,
      });
      note(result.idTagInfo.reason);
      return {
        transactionId: toOcpp16TransactionId(result.ocppTransactionId),
        idTagInfo: encodeIdTagInfo(result.idTagInfo),
      };
    },
    MeterValues: async (session, request) => {
      await this.transactions.meterValues(
        session.tenantId,
        session.stationId,
        request.connectorId,
        request.transactionId === undefined ? undefined : String(request.transactionId),
        toMeterValues(request.meterValue),
      );
      return {};
    },
    StopTransaction: async (session, request) => {
      const result = await this.transactions.stop(session.tenantId, session.stationId, {
        ocppTransactionId: String(request.transactionId),
        meterStopWh: request.meterStop,
        timestamp: toDate(request.timestamp),
        idTag: request.idTag,
        reason: request.reason,
        transactionData: request.transactionData ? toMeterValues(request.transactionData) : undefined,
      });
      return result.idTagInfo ? { idTagInfo: encodeIdTagInfo(result.idTagInfo) } : {};
    },
    DataTransfer: async (session, request) => {
      const answer = await this.stations.dataTransfer(session.tenantId, session.stationId, {
        vendorId: request.vendorId,
        messageId: request.messageId,
        data: request.data,
      });
      return {
        status: answer.status as OcppV16Calls['DataTransfer']['response']['status'],
        ...(answer.data === undefined ? {} : { data: answer.data }),
      };
    },
    DiagnosticsStatusNotification: async (session, request) => {
      await this.stations.diagnosticsStatus(session.tenantId, session.stationId, request.status);
      return {};
    },
    FirmwareStatusNotification: async (session, request) => {
      await this.stations.firmwareStatus(session.tenantId, session.stationId, request.status);
      return {};
    },
    // Security extension (OCPP 1.6 security whitepaper): the same meaning as their 2.0.1 namesakes.
    SecurityEventNotification: async (session, request) => {
      await this.notifications.record(
        session.tenantId,
        session.stationId,
        'SecurityEventNotification',
        request,
      );
      return {};
    },
    SignCertificate: async (session, request) => {
      await this.notifications.record(session.tenantId, session.stationId, 'SignCertificate', request);
      return { status: this.signing.answer(session, request.csr) };
    },
    LogStatusNotification: async (session, request) => {
      await this.stations.diagnosticsStatus(session.tenantId, session.stationId, request.status);
      return {};
    },
    SignedFirmwareStatusNotification: async (session, request) => {
      await this.stations.firmwareStatus(session.tenantId, session.stationId, request.status);
      return {};
    },
  };

  /** The actions handled; any other CALL is answered NotImplemented by ocpp-rpc. */
  get actions(): string[] {
    return Object.keys(this.handlers);
  }

  attach(session: StationSession): void {
    for (const [action, handler] of Object.entries(this.handlers) as [
      string,
      Handler<keyof OcppV16Calls>,
    ][]) {
      session.connection.handle(action, async ({ params, messageId }) => {
        const note = (text: string | undefined): void => {
          if (text) session.noteAnswer(messageId, text);
        };
        refuseWhileHeldBack(session, action);
        try {
          return await handler(session, params as never, note);
        } catch (error) {
          throw toCallError(error, action, session.stationId, this.logger);
        }
      });
    }
  }
}
