import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { Outbox } from '../outbox/outbox';
import { RoamingPartner } from '../partners/roaming-partner';
import { RoamingSession } from '../sessions/roaming-session';
import { SessionCost } from '../sessions/session-cost';
import { sessionObjectKey } from '../sessions/session-events';
import { RoamingCdr } from './roaming-cdr';
import { RoamingCdrRepository } from './roaming-cdr.repository';

/** Outbox kind of a CDR sent to the eMSP (a neutral RoamingCdr payload; each protocol renders it). */
export const CDR_POST = 'cdr.post';

/**
 * Issues the CDR of a completed roaming session, once: stored (for the eMSP's GET) and sent through
 * the outbox after the session's final report (they share the session's key, so they arrive in order).
 */
@Injectable()
export class CdrIssuer {
  constructor(
    private readonly cdrs: RoamingCdrRepository,
    private readonly outbox: Outbox,
  ) {}

  async issue(
    tenantId: TenantId,
    partner: RoamingPartner,
    session: RoamingSession,
    cost: SessionCost,
  ): Promise<void> {
    const { tariff: _frozen, ...reported } = session;
    const cdr: RoamingCdr = {
      id: session.id,
      partnerId: partner.id,
      session: reported,
      ...(cost.tariff ? { tariff: cost.tariff } : {}),
      pricing: cost.cdr,
      lastUpdated: new Date(),
    };
    if (!(await this.cdrs.issue(tenantId, cdr))) return;
    await this.outbox.enqueue(tenantId, [partner], {
      objectKey: sessionObjectKey(session.id),
      kind: CDR_POST,
      payload: cdr,
    });
  }
}
