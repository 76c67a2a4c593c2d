import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { SessionPriceAmount, frozenTariffOf } from '@csms/pricing';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Transaction } from './models/transaction.model';
import { TransactionDocument } from './schemas/transaction.schema';

/** Sessions started since `startedSince` (the index's order), stopped in [stoppedSince, stoppedBefore). */
export interface StoppedSessionsWindow {
  startedSince: Date;
  stoppedSince: Date;
  stoppedBefore: Date;
  after?: { startedAt: Date; id: string };
}

export type NewTransaction = Omit<TransactionDocument, '_id' | 'tenantId' | 'createdAt'>;
export type TransactionChanges = Partial<NewTransaction>;

/** Progress a batch of meter values made on a session, written with the batch. */
export interface TransactionProgress {
  id: string;
  energyWh: number;
  lastMeterValueAt: Date;
  /** The live price, when the session is priced. */
  price?: SessionPriceAmount;
}

@Injectable()
export class TransactionRepository extends TenantRepository<TransactionDocument, Transaction> {
  private readonly activeOfStations = this.batchedBy('chargingStationId', { active: true });

  constructor(@InjectModel(TransactionDocument.name) model: Model<TransactionDocument>) {
    super(model);
  }

  /** The sessions matching `filter`, streamed (exports). */
  matching(tenantId: TenantId, filter: FilterQuery<TransactionDocument>): AsyncGenerator<Transaction> {
    return this.streamMatching(tenantId, filter);
  }

  create(tenantId: TenantId, fields: NewTransaction): Promise<Transaction> {
    return this.insert(tenantId, fields);
  }

  findByOcppId(
    tenantId: TenantId,
    chargingStationId: string,
    ocppTransactionId: string,
  ): Promise<Transaction | null> {
    return this.findOne(tenantId, { chargingStationId, ocppTransactionId });
  }

  /** The same StartTransaction seen before (stations repeat it when the answer got lost). */
  findRepeatedStart(
    tenantId: TenantId,
    start: { chargingStationId: string; connectorId: number; tagId: string; startedAt: Date },
  ): Promise<Transaction | null> {
    return this.findOne(tenantId, start);
  }

  findActiveOnConnector(
    tenantId: TenantId,
    chargingStationId: string,
    connectorId: number,
  ): Promise<Transaction[]> {
    return this.findMany(tenantId, { chargingStationId, connectorId, active: true });
  }

  /** A station's open sessions; the boots of a reconnect storm ask together, in one query. */
  async findActiveOfStation(tenantId: TenantId, chargingStationId: string): Promise<Transaction[]> {
    const docs = await this.activeOfStations.load({ tenantId, value: chargingStationId });
    return docs.map((doc) => this.toEntity(doc));
  }

  /** Stopped sessions of these stations started since `since` (smart charging forecasts arrivals from them). */
  findStoppedOfStations(
    tenantId: TenantId,
    stationIds: readonly string[],
    since: Date,
  ): Promise<Transaction[]> {
    if (stationIds.length === 0) return Promise.resolve([]);
    return this.findMany(tenantId, {
      chargingStationId: { $in: [...stationIds] },
      active: false,
      startedAt: { $gte: since },
    });
  }

  /** Open sessions started before `quietSince` with no meter value since either (oldest first). */
  async findStale(tenantId: TenantId, quietSince: Date, limit: number): Promise<Transaction[]> {
    const docs = await this.model
      .find(
        this.scope(tenantId, {
          active: true,
          startedAt: { $lt: quietSince },
          $or: [{ lastMeterValueAt: { $exists: false } }, { lastMeterValueAt: { $lt: quietSince } }],
        }),
      )
      .sort({ startedAt: 1 })
      .limit(limit)
      .lean<Lean<TransactionDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /**
   * Stopped, priced sessions of users in a window, in (startedAt, id) order after `after` (billing's
   * reconciliation pages through them).
   */
  async findStoppedPriced(
    tenantId: TenantId,
    window: StoppedSessionsWindow,
    limit: number,
  ): Promise<Transaction[]> {
    const { after } = window;
    const docs = await this.model
      .find(
        this.scope(tenantId, {
          active: false,
          userId: { $exists: true },
          price: { $exists: true },
          startedAt: { $gte: window.startedSince },
          stoppedAt: { $gte: window.stoppedSince, $lt: window.stoppedBefore },
          ...(after
            ? {
                $or: [
                  { startedAt: { $gt: after.startedAt } },
                  { startedAt: after.startedAt, _id: { $gt: after.id } },
                ],
              }
            : {}),
        }),
      )
      .sort({ startedAt: 1, _id: 1 })
      .limit(limit)
      .lean<Lean<TransactionDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  update(tenantId: TenantId, id: string, changes: TransactionChanges): Promise<Transaction | null> {
    return this.updateOne(tenantId, { _id: id }, { $set: changes });
  }

  updateIfActive(tenantId: TenantId, id: string, changes: TransactionChanges): Promise<Transaction | null> {
    return this.updateOne(tenantId, { _id: id, active: true }, { $set: changes });
  }

  /** One round-trip for the progress of every session a batch touched. */
  async writeProgress(tenantId: TenantId, progress: TransactionProgress[]): Promise<void> {
    if (!progress.length) return;
    await this.model.bulkWrite(
      progress.map(({ id, energyWh, lastMeterValueAt, price }) => ({
        updateOne: {
          filter: this.scope(tenantId, { _id: id, active: true }),
          update: { $set: { energyWh, lastMeterValueAt, ...(price ? { price } : {}) } },
        },
      })),
      { ordered: false },
    );
  }

  page(
    tenantId: TenantId,
    filter: FilterQuery<TransactionDocument>,
    args: ConnectionArgs,
  ): Promise<Connection<Transaction>> {
    return this.findPage(tenantId, filter, args, { field: 'startedAt', direction: -1 });
  }

  protected toEntity(doc: Lean<TransactionDocument>): Transaction {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      ocppTransactionId: doc.ocppTransactionId,
      chargingStationId: doc.chargingStationId,
      connectorId: doc.connectorId,
      tagId: doc.tagId,
      parentTagId: doc.parentTagId,
      authorizationStatus: doc.authorizationStatus,
      userId: doc.userId,
      active: doc.active,
      startedAt: doc.startedAt,
      stoppedAt: doc.stoppedAt,
      meterStartWh: doc.meterStartWh,
      meterStopWh: doc.meterStopWh,
      energyWh: doc.energyWh ?? 0,
      stopReason: doc.stopReason,
      stopTagId: doc.stopTagId,
      reservationId: doc.reservationId,
      lastMeterValueAt: doc.lastMeterValueAt,
      tariff: doc.tariff ? frozenTariffOf(doc.tariff) : undefined,
      tariffTimeZone: doc.tariffTimeZone ?? undefined,
      price: doc.price ?? undefined,
      createdAt: doc.createdAt,
    };
  }
}
