import { inRunsOf } from '@csms/common';
import { TariffService } from '@csms/pricing';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CDR_POST } from '../../cdrs/cdr-issuer';
import { RoamingCdr } from '../../cdrs/roaming-cdr';
import { EVSE_STATUS, EvseStatusPayload, LOCATION_PUT } from '../../locations/location-events';
import { RoamingLocation } from '../../locations/roaming-location';
import { RoamingLocationRepository } from '../../locations/roaming-location.repository';
import { OutboxMessage } from '../../outbox/outbox-message';
import { DeliveryOutcome, OutboxTransport, OutboxTransports } from '../../outbox/outbox-transport';
import { RoamingPartner } from '../../partners/roaming-partner';
import { RoamingSession } from '../../sessions/roaming-session';
import { RoamingSessionRepository } from '../../sessions/roaming-session.repository';
import { SESSION_PATCH, SESSION_PUT, SessionPatchPayload } from '../../sessions/session-events';
import { OicpAnswer, OicpClient } from '../client/oicp-client';
import { evsePricingOf, pricingProductData } from '../pricing/oicp-pricing-products';
import { OICP_PRICING_PRODUCTS } from '../pricing/oicp-pricing-pushes';
import { errorOfStop } from '../sessions/oicp-charging-errors';
import { OICP_STATUS_FULL_LOAD } from '../status/oicp-status-rounds';
import { OICP_SESSION_ERROR, SessionErrorPayload } from '../sessions/oicp-session-errors';
import { OicpOperationName, OicpSchemaViolation } from '../protocol/oicp-openapi';
import { OicpConnection } from '../settings/oicp-connection';
import { OicpSettingsService } from '../settings/oicp-settings.service';
import { evseDataRecord, oicpEvseId, oicpStatusOf } from './oicp-evse-records';
import {
  authorizeStop,
  chargeDetailRecord,
  endNotification,
  errorNotification,
  progressNotification,
  startNotification,
} from './oicp-session-messages';

/** Hubject takes at most this many records per push. */
const RECORDS_PER_PUSH = 10_000;

const KINDS = new Set([
  LOCATION_PUT,
  EVSE_STATUS,
  SESSION_PUT,
  SESSION_PATCH,
  CDR_POST,
  OICP_PRICING_PRODUCTS,
  OICP_SESSION_ERROR,
  OICP_STATUS_FULL_LOAD,
]);
/** Tariffs and locations read per page for the full loads. */
const PAGE = 500;

interface Acknowledged {
  Result?: boolean;
  AuthorizationStatus?: string;
  StatusCode?: { Code?: string; Description?: string; AdditionalInfo?: string };
}

type Call = [OicpOperationName, object];

/**
 * Delivers the shared outbox's neutral messages to Hubject as OICP 2.3 operations: a location becomes
 * PushEvseData (in batches of 10,000, deletions for withdrawn EVSEs), PushEVSEPricing under dynamic
 * pricing, and PushEvseStatus; a status change PushEvseStatus; a session its ChargingNotifications
 * (Start, Progress, Error, End, with AuthorizeStop at the end); a CDR eRoamingChargeDetailRecord. The
 * periodic status round and the pricing products are full loads rendered when delivered. Hubject's `Result: false` is a rejection (reported, not
 * retried); no answer or a 5xx is retried.
 */
@Injectable()
export class OicpOutboxTransport extends OutboxTransport implements OnModuleInit {
  readonly protocol = 'OICP' as const;

  constructor(
    private readonly transports: OutboxTransports,
    private readonly settings: OicpSettingsService,
    private readonly client: OicpClient,
    private readonly locations: RoamingLocationRepository,
    private readonly sessions: RoamingSessionRepository,
    private readonly tariffs: TariffService,
  ) {
    super();
  }

  onModuleInit(): void {
    this.transports.register(this);
  }

  accepts(partner: RoamingPartner, kind: string): boolean {
    return partner.protocol === 'OICP' && KINDS.has(kind);
  }

  async deliver(partner: RoamingPartner, message: OutboxMessage): Promise<DeliveryOutcome> {
    const connection = await this.settings.connection(partner.tenantId);
    if (!connection) return { outcome: 'rejected', reason: 'Hubject is not enabled for the tenant' };
    const calls = await this.callsOf(partner, connection, message);
    if (typeof calls === 'string') return { outcome: 'rejected', reason: calls };
    let last: DeliveryOutcome = { outcome: 'delivered' };
    for (const [operation, body] of calls) {
      try {
        last = outcomeOf(await this.client.call<Acknowledged>(partner.tenantId, connection, operation, body));
      } catch (error) {
        // Our message breaks the OpenAPI: nothing was sent, and sending it again would not help.
        if (error instanceof OicpSchemaViolation)
          return { outcome: 'rejected', reason: `Not sent: ${error.message}` };
        throw error;
      }
      if (last.outcome !== 'delivered') return last;
    }
    return last;
  }

  /** The OICP requests a message becomes, in order; a string says why there are none. */
  private async callsOf(
    partner: RoamingPartner,
    connection: OicpConnection,
    message: OutboxMessage,
  ): Promise<Call[] | string> {
    switch (message.kind) {
      case LOCATION_PUT:
        return this.locationCalls(connection, message.payload as RoamingLocation);
      case OICP_STATUS_FULL_LOAD:
        return this.statusFullLoad(partner, connection);
      case OICP_PRICING_PRODUCTS:
        if (!connection.dynamicPricing) return [];
        return [['PushPricingProductData', pricingProductData(connection, await this.openTariffs(partner))]];
      case EVSE_STATUS: {
        const payload = message.payload as EvseStatusPayload;
        const location = await this.locations.find(partner.tenantId, payload.locationId);
        const evse = location?.evses.find((candidate) => candidate.uid === payload.evseUid);
        if (!evse) return `No EVSE ${payload.evseUid} at ${payload.locationId}`;
        return [
          this.statusPush(connection, [
            {
              EvseID: oicpEvseId(connection.operatorId, evse.stationId, evse.connectorId),
              EvseStatus: oicpStatusOf(payload.status),
            },
          ]),
        ];
      }
      case SESSION_PUT: {
        const session = message.payload as RoamingSession;
        if (!session.authorizationReference) return 'The session has no Hubject SessionID';
        if (session.status === 'ACTIVE')
          return [['ChargingNotifications', startNotification(connection, session)]];
        if (session.status !== 'COMPLETED') return [];
        // Only an RFID card is asked to stop; a remote start is stopped by its EMP.
        const stop: Call[] =
          session.token.type === 'RFID' ? [['AuthorizeStop', authorizeStop(connection, session)]] : [];
        return [
          ...(await this.stopError(partner, connection, session)),
          ...stop,
          ['ChargingNotifications', endNotification(connection, session)],
        ];
      }
      case SESSION_PATCH: {
        const patch = message.payload as SessionPatchPayload;
        return this.sessionNotification(partner, patch.id, (session) =>
          progressNotification(connection, session, patch.kwh, patch.lastUpdated),
        );
      }
      case OICP_SESSION_ERROR: {
        const error = message.payload as SessionErrorPayload;
        return this.sessionNotification(partner, error.id, (session) =>
          errorNotification(connection, session, error.errorType, error.info),
        );
      }
      case CDR_POST: {
        const cdr = message.payload as RoamingCdr;
        if (!cdr.session.authorizationReference) return 'The session has no Hubject SessionID';
        return [['ChargeDetailRecord', chargeDetailRecord(connection, cdr)]];
      }
      default:
        return `Nothing renders ${message.kind} for OICP`;
    }
  }

  /** A ChargingNotification about a session Hubject knows (it has a Hubject SessionID). */
  private async sessionNotification(
    partner: RoamingPartner,
    sessionId: string,
    notification: (session: RoamingSession) => object,
  ): Promise<Call[] | string> {
    const session = await this.sessions.findById(partner.tenantId, sessionId);
    if (!session?.authorizationReference) return `No Hubject session for ${sessionId}`;
    return [['ChargingNotifications', notification(session)]];
  }

  /** The location's EVSEs (upserted, or deleted once removed), then their statuses. */
  private locationCalls(connection: OicpConnection, location: RoamingLocation): Call[] {
    const live = location.evses.filter((evse) => evse.status !== 'REMOVED');
    const removed = location.evses.filter((evse) => evse.status === 'REMOVED');
    const calls: Call[] = [];
    const push = (action: 'update' | 'delete', records: object[]) => {
      for (const run of inRunsOf(records, RECORDS_PER_PUSH)) {
        calls.push([
          'PushEvseData',
          {
            ActionType: action,
            OperatorEvseData: {
              OperatorID: connection.operatorId,
              OperatorName: connection.operatorName,
              EvseDataRecord: run,
            },
          },
        ]);
      }
    };
    push(
      'update',
      live.map((evse) => evseDataRecord(connection, location, evse)),
    );
    push(
      'delete',
      removed.map((evse) => evseDataRecord(connection, location, evse)),
    );
    if (connection.dynamicPricing) {
      const pricing = evsePricingOf(connection, location);
      for (const action of ['update', 'delete'] as const) {
        if (pricing[action].length)
          calls.push(['PushEVSEPricing', { ActionType: action, EVSEPricing: pricing[action] }]);
      }
    }
    if (live.length) calls.push(this.statusPush(connection, statusRecordsOf(connection, location)));
    return calls;
  }

  /** The Error notification of a session the station stopped for a fault, unless a Faulted status told it. */
  private async stopError(
    partner: RoamingPartner,
    connection: OicpConnection,
    session: RoamingSession,
  ): Promise<Call[]> {
    const errorType = errorOfStop(session.stopReason);
    if (!errorType || !(await this.sessions.claimErrorReport(partner.tenantId, session.id, 'stop')))
      return [];
    const info = `Stopped by the station: ${session.stopReason}`;
    return [['ChargingNotifications', errorNotification(connection, session, errorType, info)]];
  }

  /** Every tariff any driver may get: Hubject's EMPs are any driver's. */
  private async openTariffs(partner: RoamingPartner) {
    const tariffs = [];
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await this.tariffs.pageOpenToAll(partner.tenantId, { offset, limit: PAGE });
      tariffs.push(...items);
      if (items.length < PAGE) return tariffs;
    }
  }

  /**
   * The status of every published EVSE as it is now: one full load (Hubject replaces what it had), then
   * inserts when there are more than one push takes. With no EVSE published there is nothing to push:
   * Hubject refuses an empty full load (it would withdraw every status), and a round can come before
   * the first EVSE is.
   */
  private async statusFullLoad(partner: RoamingPartner, connection: OicpConnection): Promise<Call[]> {
    const records: { EvseID: string; EvseStatus: string }[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await this.locations.pagePublished(partner.tenantId, {
        filter: {},
        offset,
        limit: PAGE,
      });
      for (const location of items) records.push(...statusRecordsOf(connection, location));
      if (items.length < PAGE) break;
    }
    return inRunsOf(records, RECORDS_PER_PUSH).map((run, index) =>
      this.statusPush(connection, run, index === 0 ? 'fullLoad' : 'insert'),
    );
  }

  private statusPush(
    connection: OicpConnection,
    records: readonly { EvseID: string; EvseStatus: string }[],
    action: 'update' | 'fullLoad' | 'insert' = 'update',
  ): Call {
    return [
      'PushEvseStatus',
      {
        ActionType: action,
        OperatorEvseStatus: {
          OperatorID: connection.operatorId,
          OperatorName: connection.operatorName,
          EvseStatusRecord: records,
        },
      },
    ];
  }
}

/** The status records of the location's EVSEs still there. */
function statusRecordsOf(connection: OicpConnection, location: RoamingLocation) {
  return location.evses
    .filter((evse) => evse.status !== 'REMOVED')
    .map((evse) => ({
      EvseID: oicpEvseId(connection.operatorId, evse.stationId, evse.connectorId),
      EvseStatus: oicpStatusOf(evse.status),
    }));
}

/** Hubject's answer as an outbox outcome. */
function outcomeOf(answer: OicpAnswer<Acknowledged>): DeliveryOutcome {
  if (answer.kind === 'unreachable') return { outcome: 'retry', reason: answer.reason };
  if (answer.kind === 'http-error') {
    const retry = answer.httpStatus >= 500 || answer.httpStatus === 429 || answer.httpStatus === 0;
    return { outcome: retry ? 'retry' : 'rejected', reason: answer.reason, httpStatus: answer.httpStatus };
  }
  const { body } = answer;
  const accepted = body.Result ?? body.AuthorizationStatus === 'Authorized';
  if (accepted) return { outcome: 'delivered', httpStatus: answer.httpStatus };
  const code = body.StatusCode;
  return {
    outcome: 'rejected',
    httpStatus: answer.httpStatus,
    ...(code?.Code && /^\d+$/.test(code.Code) ? { protocolStatus: Number(code.Code) } : {}),
    reason:
      `Hubject answered ${code?.Code ?? '?'} ${code?.Description ?? ''} ${code?.AdditionalInfo ?? ''}`.trim(),
  };
}
