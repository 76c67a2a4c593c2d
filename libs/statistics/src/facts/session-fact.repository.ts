import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Measures } from '../measures';
import { SessionFactDocument } from './schemas/session-fact.schema';
import { SessionFact, driverKeyOf } from './session-fact';

type FactFields = SessionFactDocument;

@Injectable()
export class SessionFactRepository extends TenantRepository<SessionFactDocument, SessionFact> {
  constructor(@InjectModel(SessionFactDocument.name) model: Model<SessionFactDocument>) {
    super(model);
  }

  /** Writes the session's fact and returns the one it replaced, if any (a correction, a re-delivery). */
  async put(tenantId: TenantId, fact: SessionFact): Promise<SessionFact | null> {
    const previous = await this.findById(tenantId, fact.transactionId);
    await this.model
      .replaceOne(this.scope(tenantId, { _id: fact.transactionId }), factDocument(tenantId, fact), {
        upsert: true,
      })
      .exec();
    return previous;
  }

  /** Bulk load (backfills, benchmarks): plain inserts, no previous fact read. */
  async insertMany(tenantId: TenantId, facts: readonly SessionFact[]): Promise<void> {
    if (!facts.length) return;
    const now = new Date();
    await this.model.collection.insertMany(
      facts.map((fact) => ({ ...factDocument(tenantId, fact), updatedAt: now }) as never),
      { ordered: false },
    );
  }

  ofStationDay(tenantId: TenantId, chargingStationId: string, localDay: string): Promise<SessionFact[]> {
    return this.findMany(tenantId, { chargingStationId, localDay });
  }

  ofDriverDay(tenantId: TenantId, driverKey: string, localDay: string): Promise<SessionFact[]> {
    return this.findMany(tenantId, { driverKey, localDay });
  }

  /** The facts of a zone's local days matching `filter`, streamed. */
  async *ofZoneDays(
    tenantId: TenantId,
    timeZone: string,
    localDays: readonly string[],
    filter: FilterQuery<SessionFactDocument>,
  ): AsyncGenerator<SessionFact> {
    if (!localDays.length) return;
    yield* this.streamMatching(
      tenantId,
      { $and: [{ timeZone, localDay: { $in: localDays } }, filter] },
      2000,
    );
  }

  /** Every fact of the tenant matching `filter`, in the order of `_id` (rebuilds, exports). */
  all(tenantId: TenantId, filter: FilterQuery<SessionFactDocument> = {}): AsyncGenerator<SessionFact> {
    return this.stream(this.scope(tenantId, filter));
  }

  private async *stream(query: FilterQuery<SessionFactDocument>): AsyncGenerator<SessionFact> {
    const cursor = this.model.find(query).lean<Lean<SessionFactDocument>>().cursor({ batchSize: 2000 });
    for await (const doc of cursor) yield this.toEntity(doc);
  }

  protected toEntity(doc: Lean<SessionFactDocument>): SessionFact {
    return {
      transactionId: doc._id,
      chargingStationId: doc.chargingStationId,
      connectorId: doc.connectorId,
      userId: doc.userId,
      tagId: doc.tagId,
      siteAreaId: doc.siteAreaId,
      siteId: doc.siteId,
      companyId: doc.companyId,
      timeZone: doc.timeZone,
      startedAt: doc.startedAt,
      stoppedAt: doc.stoppedAt,
      localDay: doc.localDay,
      localHour: doc.localHour,
      weekday: doc.weekday,
      measures: doc.measures as Measures,
      currency: doc.currency,
    };
  }
}

/** A fact as stored: `_id` is the session's id. */
export function factDocument(tenantId: string, fact: SessionFact): FactFields {
  const { transactionId, ...fields } = fact;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...(defined as Omit<SessionFact, 'transactionId'>),
    _id: transactionId,
    tenantId,
    driverKey: driverKeyOf(fact),
  };
}
