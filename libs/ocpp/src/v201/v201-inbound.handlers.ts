import { StationInbound } from '@csms/stations/ports/station-inbound.port';
import { TransactionInbound } from '@csms/transactions/ports/transaction-inbound.port';
import { Injectable, Logger } from '@nestjs/common';
import { refuseWhileHeldBack } from '../adapters/boot-gate';
import { toCallError } from '../adapters/handler-errors';
import { CertificateSigning } from '../security/certificate-signing';
import { PlugAndChargeService } from '../security/iso15118/plug-and-charge.service';
import { StationSession } from '../session/station-session';
import { DeviceModelRepository, DeviceVariable } from './device-model.repository';
import { DisplayMessagesService } from './display-messages/display-messages.service';
import { StationNotificationRepository } from './station-notification.repository';
import { DataTransferResponse, NotifyReportRequest, OcppV201Calls } from './types/generated';
import { encodeIdTokenInfo, toBootInfo, toDate, toMeterValues } from './v201-inbound.mapper';
import { V201TransactionEvents } from './v201-transaction-events';

/** `note`: what the message log records beside the answer (why a badge was refused). */
type Handler<A extends keyof OcppV201Calls> = (
  session: StationSession,
  request: OcppV201Calls[A]['request'],
  note: (text: string | undefined) => void,
) => Promise<OcppV201Calls[A]['response']>;

/** 2.0.1-only notifications the edge keeps as they came, answered with an empty confirmation. */
const STORED_NOTIFICATIONS = [
  'SecurityEventNotification',
  'NotifyEvent',
  'ReportChargingProfiles',
  'ReservationStatusUpdate',
  'NotifyChargingLimit',
  'ClearedChargingLimit',
  'NotifyMonitoringReport',
  'NotifyCustomerInformation',
  'PublishFirmwareStatusNotification',
] as const;

function toDeviceVariables(stationId: string, request: NotifyReportRequest): DeviceVariable[] {
  return (request.reportData ?? []).map((entry) => ({
    chargingStationId: stationId,
    component: entry.component.name,
    componentInstance: entry.component.instance,
    evseId: entry.component.evse?.id,
    connectorId: entry.component.evse?.connectorId,
    variable: entry.variable.name,
    variableInstance: entry.variable.instance,
    attributes: entry.variableAttribute.map(({ customData: _customData, ...attribute }) => attribute),
    unit: entry.variableCharacteristics?.unit,
    dataType: entry.variableCharacteristics?.dataType,
    valuesList: entry.variableCharacteristics?.valuesList,
    reportRequestId: request.requestId,
  }));
}

/**
 * The station→CSMS half of OCPP 2.0.1: version-neutral messages go to the domain ports (as 1.6
 * does), 2.0.1-only data to the edge's own collections. Payloads reach these handlers only after
 * strict validation against the official 2.0.1 schemas, so their types hold.
 */
@Injectable()
export class V201InboundHandlers {
  private readonly logger = new Logger(V201InboundHandlers.name);

  constructor(
    private readonly stations: StationInbound,
    private readonly transactions: TransactionInbound,
    private readonly transactionEvents: V201TransactionEvents,
    private readonly deviceModel: DeviceModelRepository,
    private readonly notifications: StationNotificationRepository,
    private readonly signing: CertificateSigning,
    private readonly plugAndCharge: PlugAndChargeService,
    private readonly displayMessages: DisplayMessagesService,
  ) {}

  private readonly handlers: { [A in keyof OcppV201Calls]?: Handler<A> } = {
    // B Provisioning
    BootNotification: async (session, request) => {
      const decision = await this.stations.boot(
        session.tenantId,
        session.stationId,
        toBootInfo(request),
        session.link,
      );
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
    NotifyReport: async (session, request) => {
      await this.deviceModel.upsertMany(session.tenantId, toDeviceVariables(session.stationId, request));
      return {};
    },
    // C Authorization
    Authorize: async (session, request, note) => {
      if (request.idToken.type === 'NoAuthorization') return { idTokenInfo: { status: 'Accepted' } };
      // The driver's tariff rides along as personalMessage, for stations that display it.
      const info = await this.transactions.authorize(
        session.tenantId,
        session.stationId,
        request.idToken.idToken,
        {
          withTariff: true,
        },
      );
      note(info.reason);
      const idTokenInfo = encodeIdTokenInfo(info);
      if (!request.certificate && !request.iso15118CertificateHashData) return { idTokenInfo };
      // Plug & Charge: the contract certificate must be good too, or the token is not accepted.
      const certificateStatus = await this.plugAndCharge.contractStatus(request);
      if (certificateStatus === 'Accepted' || idTokenInfo.status !== 'Accepted') {
        return { idTokenInfo, certificateStatus };
      }
      return { idTokenInfo: { ...idTokenInfo, status: 'Invalid' }, certificateStatus };
    },
    // E Transactions
    TransactionEvent: (session, request, note) =>
      this.transactionEvents.handle(session.tenantId, session.stationId, request, note),
    // G Availability: the EVSE is the domain's connector.
    StatusNotification: async (session, request) => {
      await this.stations.statusNotification(session.tenantId, session.stationId, {
        connectorId: request.evseId,
        status: request.connectorStatus,
        timestamp: toDate(request.timestamp),
      });
      return {};
    },
    // J Meter values outside transactions (transaction values come in TransactionEvent).
    MeterValues: async (session, request) => {
      await this.transactions.meterValues(
        session.tenantId,
        session.stationId,
        request.evseId,
        undefined,
        toMeterValues(request.meterValue),
      );
      return {};
    },
    // L Firmware, N Diagnostics
    FirmwareStatusNotification: async (session, request) => {
      await this.stations.firmwareStatus(session.tenantId, session.stationId, request.status);
      return {};
    },
    LogStatusNotification: async (session, request) => {
      await this.stations.diagnosticsStatus(session.tenantId, session.stationId, request.status);
      return {};
    },
    // K Smart charging: needs are kept; no schedule is proposed from here (yet).
    NotifyEVChargingNeeds: async (session, request) => {
      await this.notifications.record(session.tenantId, session.stationId, 'NotifyEVChargingNeeds', request);
      return { status: 'Accepted' };
    },
    // TC_K_55: an EV schedule above the limit in force for its session is Rejected (the EV renegotiates).
    NotifyEVChargingSchedule: async (session, request) => {
      await this.notifications.record(
        session.tenantId,
        session.stationId,
        'NotifyEVChargingSchedule',
        request,
      );
      const { chargingRateUnit, chargingSchedulePeriod } = request.chargingSchedule;
      const within = this.transactions.withinChargingLimit(
        session.tenantId,
        session.stationId,
        request.evseId,
        {
          rateUnit: chargingRateUnit,
          periods: chargingSchedulePeriod,
        },
      );
      return { status: within ? 'Accepted' : 'Rejected' };
    },
    // A Security: signed by our station CA (or the ISO 15118 PKI) when there is one; always kept.
    SignCertificate: async (session, request) => {
      await this.notifications.record(session.tenantId, session.stationId, 'SignCertificate', request);
      return { status: this.signing.answer(session, request.csr, request.certificateType) };
    },
    // M ISO 15118 Plug & Charge: through the PKI (Failed without one); the requests are kept.
    Get15118EVCertificate: async (session, request) => {
      await this.notifications.record(session.tenantId, session.stationId, 'Get15118EVCertificate', request);
      return this.plugAndCharge.evCertificate(session.stationId, request);
    },
    GetCertificateStatus: async (session, request) => {
      await this.notifications.record(session.tenantId, session.stationId, 'GetCertificateStatus', request);
      return this.plugAndCharge.certificateStatus(request.ocspRequestData);
    },
    // O Display messages: kept as sent, and what the display shows is updated.
    NotifyDisplayMessages: async (session, request) => {
      await this.notifications.record(session.tenantId, session.stationId, 'NotifyDisplayMessages', request);
      await this.displayMessages.reported(session.tenantId, session.stationId, request);
      return {};
    },
    // P DataTransfer
    DataTransfer: async (session, request) => {
      // 2.0.1 data is any JSON; the domain keeps 1.6's string.
      const data: unknown = request.data;
      const answer = await this.stations.dataTransfer(session.tenantId, session.stationId, {
        vendorId: request.vendorId,
        messageId: request.messageId,
        data: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
      });
      return {
        status: answer.status as DataTransferResponse['status'],
        ...(answer.data === undefined
          ? {}
          : { data: answer.data as unknown as DataTransferResponse['data'] }),
      };
    },
  };

  /** The actions handled; any other CALL is answered NotImplemented by ocpp-rpc. */
  get actions(): string[] {
    return [...Object.keys(this.handlers), ...STORED_NOTIFICATIONS];
  }

  attach(session: StationSession): void {
    const entries = Object.entries(this.handlers) as [string, Handler<keyof OcppV201Calls>][];
    for (const [action, handler] of entries) this.register(session, action, handler);
    for (const action of STORED_NOTIFICATIONS) {
      this.register(session, action, async (stored, request) => {
        await this.notifications.record(stored.tenantId, stored.stationId, action, request);
        return {};
      });
    }
  }

  private register(session: StationSession, action: string, handler: Handler<keyof OcppV201Calls>): void {
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
