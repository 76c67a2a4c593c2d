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
import { OicpOperationName, OicpSchemaViolation } from '../protocol/oicp-openapi';
import { OicpConnection } from '../settings/oicp-connection';
import { OicpSettingsService } from '../settings/oicp-settings.service';
import { evseDataRecord, oicpEvseId, oicpStatusOf } from './oicp-evse-records';
import {
  authorizeStop,
  chargeDetailRecord,
  endNotification,
  progressNotification,
  startNotification,
} from './oicp-session-messages';

/** Hubject takes at most this many records per push. */
const RECORDS_PER_PUSH = 10_000;

const KINDS = new Set([LOCATION_PUT, EVSE_STATUS, SESSION_PUT, SESSION_PATCH, CDR_POST]);

interface Acknowledged {
  Result?: boolean;
  AuthorizationStatus?: string;
  StatusCode?: { Code?: string; Description?: string; AdditionalInfo?: string };
}

type Call = [OicpOperationName, object];

/**
 * Delivers the shared outbox's neutral messages to Hubject as OICP 2.3 operations: a location becomes
 * PushEvseData (in batches of 10,000, deletions for withdrawn EVSEs) and PushEvseStatus, a status change
 * PushEvseStatus, a session its ChargingNotifications (Start, Progress, End, with AuthorizeStop at the
 * end), a CDR eRoamingChargeDetailRecord. Hubject's `Result: false` is a rejection (reported, not
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
        return [...stop, ['ChargingNotifications', endNotification(connection, session)]];
      }
      case SESSION_PATCH: {
        const patch = message.payload as SessionPatchPayload;
        const session = await this.sessions.findById(partner.tenantId, patch.id);
        if (!session?.authorizationReference) return `No Hubject session for ${patch.id}`;
        return [
          ['ChargingNotifications', progressNotification(connection, session, patch.kwh, patch.lastUpdated)],
        ];
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

  /** The location's EVSEs (upserted, or deleted once removed), then their statuses. */
  private locationCalls(connection: OicpConnection, location: RoamingLocation): Call[] {
    const live = location.evses.filter((evse) => evse.status !== 'REMOVED');
    const removed = location.evses.filter((evse) => evse.status === 'REMOVED');
    const calls: Call[] = [];
    const push = (action: 'update' | 'delete', records: object[]) => {
      for (let offset = 0; offset < records.length; offset += RECORDS_PER_PUSH) {
        calls.push([
          'PushEvseData',
          {
            ActionType: action,
            OperatorEvseData: {
              OperatorID: connection.operatorId,
              OperatorName: connection.operatorName,
              EvseDataRecord: records.slice(offset, offset + RECORDS_PER_PUSH),
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
    if (live.length) {
      calls.push(
        this.statusPush(
          connection,
          live.map((evse) => ({
            EvseID: oicpEvseId(connection.operatorId, evse.stationId, evse.connectorId),
            EvseStatus: oicpStatusOf(evse.status),
          })),
        ),
      );
    }
    return calls;
  }

  private statusPush(connection: OicpConnection, records: { EvseID: string; EvseStatus: string }[]): Call {
    return [
      'PushEvseStatus',
      {
        ActionType: 'update',
        OperatorEvseStatus: {
          OperatorID: connection.operatorId,
          OperatorName: connection.operatorName,
          EvseStatusRecord: records,
        },
      },
    ];
  }
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
