import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  SESSION_PATCH,
  SESSION_PUT,
  SessionPatchPayload,
  SessionPutPayload,
} from '../../../sessions/session-events';
import { OcpiRenderers } from '../../outbox/ocpi-push';
import { ocpiDateTime } from '../../protocol/ocpi-response';
import { ocpiChargingPeriods, ocpiPrice, ocpiSession } from './ocpi-session.mapper';

const SESSIONS_RECEIVER = { module: 'sessions', interfaceRole: 'RECEIVER' } as const;

/**
 * How session reports reach the eMSP: PUT of the whole session, PATCH of kwh, total_cost, the new
 * charging periods (which the receiver adds to the list) and last_updated, at
 * {sessions_endpoint}/{country_code}/{party_id}/{session_id}, addressed to the token's party.
 */
@Injectable()
export class CpoSessionRenderers implements OnModuleInit {
  constructor(private readonly renderers: OcpiRenderers) {}

  onModuleInit(): void {
    this.renderers.register<SessionPutPayload>(
      SESSION_PUT,
      SESSIONS_RECEIVER,
      ({ identity, version }, session) => ({
        method: 'PUT',
        ...SESSIONS_RECEIVER,
        segments: [identity.countryCode, identity.partyId, session.id],
        body: ocpiSession(session, identity, version),
        to: { countryCode: session.token.countryCode, partyId: session.token.partyId },
      }),
    );
    this.renderers.register<SessionPatchPayload>(
      SESSION_PATCH,
      SESSIONS_RECEIVER,
      ({ identity, version }, change) => ({
        method: 'PATCH',
        ...SESSIONS_RECEIVER,
        segments: [identity.countryCode, identity.partyId, change.id],
        body: {
          kwh: change.kwh,
          ...(change.newChargingPeriods.length
            ? { charging_periods: ocpiChargingPeriods(change.newChargingPeriods, version) }
            : {}),
          ...(change.totalCost ? { total_cost: ocpiPrice(change.totalCost, version) } : {}),
          last_updated: ocpiDateTime(new Date(change.lastUpdated)),
        },
      }),
    );
  }
}
