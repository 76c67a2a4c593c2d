import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { RoamingSession } from './roaming-session';
import { RoamingSessionDocument } from './schemas/roaming-session.schema';

@Injectable()
export class RoamingSessionRepository extends TenantRepository<RoamingSessionDocument, RoamingSession> {
  constructor(@InjectModel(RoamingSessionDocument.name) model: Model<RoamingSessionDocument>) {
    super(model);
  }

  async save(tenantId: TenantId, session: RoamingSession): Promise<void> {
    const { id, ...fields } = session;
    await this.updateOne(tenantId, { _id: id }, { $set: fields }, { upsert: true });
  }

  /**
   * Claims the report of the session's charging error for `by`: true the first time, and again for
   * the same claimant (a retried delivery), false once another claimed it (one error per session).
   */
  async claimErrorReport(tenantId: TenantId, id: string, by: 'status' | 'stop'): Promise<boolean> {
    const result = await this.model
      .updateOne(
        this.scope(tenantId, {
          _id: id,
          $or: [{ errorReported: { $exists: false } }, { errorReported: by }],
        }),
        { $set: { errorReported: by } },
      )
      .exec();
    return result.matchedCount > 0;
  }

  /** The partner's session its own reference names (OICP: Hubject's SessionID), newest first. */
  async findByReference(
    tenantId: TenantId,
    partnerId: string,
    reference: string,
  ): Promise<RoamingSession | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { partnerId, authorizationReference: reference }))
      .sort({ startedAt: -1 })
      .lean<Lean<RoamingSessionDocument>>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }

  /** A partner's sessions in the window, oldest first, and how many match: a partner sees only its own. */
  async pageOfPartner(
    tenantId: TenantId,
    partnerId: string,
    window: { filter: FilterQuery<RoamingSessionDocument>; offset: number; limit: number },
  ): Promise<{ items: RoamingSession[]; total: number }> {
    const filter = { ...window.filter, partnerId };
    return this.findOffsetPage(tenantId, filter, { startedAt: 1, _id: 1 }, window);
  }

  protected toEntity(doc: Lean<RoamingSessionDocument>): RoamingSession {
    const { _id, tenantId: _tenantId, ...fields } = doc;
    return { ...fields, id: _id, chargingPeriods: fields.chargingPeriods ?? [] };
  }
}
