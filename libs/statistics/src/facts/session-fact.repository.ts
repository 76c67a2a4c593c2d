import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Measures } from '../measures';
import { nextMonthKey } from '../time/local-time';
import { SessionFactDocument } from './schemas/session-fact.schema';
import { SessionFact, driverKeyOf } from './session-fact';

/** How a query of facts finds them: the index it goes through. */
export type FactAccess =
  | { by: 'zone'; timeZone: string }
  | { by: 'driver'; driverKey: string }
  | { by: 'station'; chargingStationId: string };

@Injectable()
export class SessionFactRepository extends TenantRepository<SessionFactDocument, SessionFact> {
  constructor(@InjectModel(SessionFactDocument.name) model: Model<SessionFactDocument>) {
    super(model);
  }

  /** Writes the session's fact and returns the one it replaced, if any (a correction, a re-delivery). */
  async put(tenantId: TenantId, fact: SessionFact): Promise<SessionFact | null> {
    const previous = await this.findById(tenantId, fact.transactionId);
    const { _id: _ignored, ...fields } = factDocument(tenantId, fact);
    await this.model.collection.replaceOne({ _id: fact.transactionId, tenantId } as never, fields, {
      upsert: true,
    });
    return previous;
  }

  /** Bulk load (backfills, benchmarks): plain inserts, no previous fact read. */
  async insertMany(tenantId: TenantId, facts: readonly SessionFact[]): Promise<void> {
    if (!facts.length) return;
    await this.model.collection.insertMany(
      facts.map((fact) => factDocument(tenantId, fact) as never),
      { ordered: false },
    );
  }

  ofStationDay(tenantId: TenantId, chargingStationId: string, localDay: string): Promise<SessionFact[]> {
    return this.findMany(tenantId, { chargingStationId, localDay });
  }

  ofSiteAreaDay(tenantId: TenantId, siteAreaId: string, localDay: string): Promise<SessionFact[]> {
    return this.findMany(tenantId, { siteAreaId, localDay });
  }

  ofSiteDay(tenantId: TenantId, siteId: string, localDay: string): Promise<SessionFact[]> {
    return this.findMany(tenantId, { siteId, localDay });
  }

  /** A driver's sessions of a local month ("YYYY-MM"), every zone. */
  ofDriverMonth(tenantId: TenantId, driverKey: string, month: string): Promise<SessionFact[]> {
    return this.findMany(tenantId, { driverKey, localDay: { $gte: month, $lt: nextMonthKey(month) } });
  }

  /**
   * The facts of some local days matching `conditions` (the caller's filter and ability), through
   * the index `access` names, streamed; `startedAt` narrows to an interval when given.
   */
  async *matching(
    tenantId: TenantId,
    access: FactAccess,
    localDays: readonly string[],
    conditions: readonly FilterQuery<SessionFactDocument>[],
    startedAt?: { from: Date; to: Date },
  ): AsyncGenerator<SessionFact> {
    if (!localDays.length) return;
    const { by: _by, ...pinned } = access;
    // A contiguous run of days as a range, else a list: either is pushed down with the index's first key.
    const sorted = [...localDays].sort();
    const days = sorted.length > 20 ? { $gte: sorted[0], $lte: sorted[sorted.length - 1] } : { $in: sorted };
    const wanted = new Set(sorted);
    yield* filtered(
      this.streamMatching(
        tenantId,
        {
          $and: [
            { ...pinned, localDay: days },
            ...(startedAt ? [{ startedAt: { $gte: startedAt.from, $lt: startedAt.to } }] : []),
            ...conditions,
          ],
        },
        2000,
      ),
      (fact) => wanted.has(fact.localDay),
    );
  }

  /** Every fact of the tenant matching `filter`, in the order of `_id` (rebuilds, exports). */
  all(tenantId: TenantId, filter: FilterQuery<SessionFactDocument> = {}): AsyncGenerator<SessionFact> {
    return this.streamMatching(tenantId, filter, 2000);
  }

  protected toEntity(doc: Lean<SessionFactDocument>): SessionFact {
    return {
      transactionId: doc._id,
      chargingStationId: doc.chargingStationId,
      connectorId: doc.connectorId,
      userId: doc.userId,
      tagId: doc.tagId,
      siteAreaId: doc.siteAreaId || undefined,
      siteId: doc.siteId || undefined,
      companyId: doc.companyId || undefined,
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

async function* filtered<T>(source: AsyncIterable<T>, keep: (item: T) => boolean): AsyncGenerator<T> {
  for await (const item of source) if (keep(item)) yield item;
}

/** A fact as stored: `_id` is the session's id; a missing place is ''. */
export function factDocument(tenantId: string, fact: SessionFact): SessionFactDocument & { updatedAt: Date } {
  const { transactionId, ...fields } = fact;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return {
    ...(defined as Omit<SessionFact, 'transactionId'>),
    siteAreaId: fact.siteAreaId ?? '',
    siteId: fact.siteId ?? '',
    companyId: fact.companyId ?? '',
    _id: transactionId,
    tenantId,
    driverKey: driverKeyOf(fact),
    updatedAt: new Date(),
  };
}
