import { innerCount, innerMap, TenantId } from '@csms/common';
import { countMatching, isDuplicateKeyError, Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { Consumption, StateOfChargeSource } from '../models/consumption.model';
import { SampledValue } from '../ports/transaction-inbound.port';
import { ConsumptionDocument } from '../schemas/consumption.schema';
import { StationMeterValueDocument } from '../schemas/station-meter-value.schema';
import { ConsumptionPoint } from './consumption-math';
import { figuresOfPointJson, PointFigures, pointJsonOf } from './stored-point';

export interface ConsumptionRecord {
  tenantId: TenantId;
  transactionId: string;
  chargingStationId: string;
  connectorId: number;
  point: ConsumptionPoint;
  sampledValues: SampledValue[];
}

export interface StationMeterValueRecord {
  chargingStationId: string;
  connectorId: number;
  ocppTransactionId?: string;
  timestamp: Date;
  sampledValues: SampledValue[];
}

/**
 * A curve point's id follows from its session and its time (one point per session and instant):
 * a batch written again, after a write whose answer was lost although the database had stored it,
 * is refused by _id instead of being stored twice. The time comes first, so ids still sort by time.
 */
export function consumptionId(tenantId: TenantId, transactionId: string, timestamp: Date): string {
  const time = timestamp.getTime().toString(16).padStart(12, '0').slice(-12);
  return time + sessionPartOf(tenantId, transactionId);
}

/** Sessions' id parts hashed lately, by tenant and session: a session's hash is computed once. */
const sessionParts = new Map<TenantId, Map<string, string>>();
const MAX_SESSION_PARTS = 10_000;

function sessionPartOf(tenantId: TenantId, transactionId: string): string {
  let part = sessionParts.get(tenantId)?.get(transactionId);
  if (part === undefined) {
    part = createHash('sha256').update(`${tenantId}\u0000${transactionId}`).digest('hex').slice(0, 12);
    // Bounded: past the limit it starts afresh (the open sessions fill it again within a round).
    // Counted when a session's part is new: once per session, over a handful of tenants.
    if (innerCount(sessionParts) >= MAX_SESSION_PARTS) sessionParts.clear();
    innerMap(sessionParts, tenantId).set(transactionId, part);
  }
  return part;
}

/** A stored point as read: with `pointJson`, or (written before 2026-12-07) with its figures as fields. */
type StoredConsumption = Lean<ConsumptionDocument> & Partial<PointFigures>;

/** The figures of a point, whichever way it was stored; a car's state of charge is not among them. */
function figuresOf(doc: Partial<StoredConsumption>): PointFigures {
  if (doc.pointJson !== undefined) return figuresOfPointJson(doc.pointJson);
  const { stateOfCharge, stateOfChargeSource, cumulatedWh = 0 } = doc;
  return {
    cumulatedWh,
    instantWatts: doc.instantWatts,
    instantAmps: doc.instantAmps,
    instantAmpsL1: doc.instantAmpsL1,
    instantAmpsL2: doc.instantAmpsL2,
    instantAmpsL3: doc.instantAmpsL3,
    voltage: doc.voltage,
    // Older points kept a car's state of charge in the same field as the station's.
    stateOfCharge: stateOfChargeSource === StateOfChargeSource.CAR ? undefined : (stateOfCharge ?? undefined),
    limitWatts: doc.limitWatts,
    amount: doc.amount,
    cumulatedAmount: doc.cumulatedAmount,
  };
}

/** Every document of a failed insertMany refused as already stored (and nothing else wrong). */
function onlyAlreadyStored(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every(isDuplicateKeyError);
}

@Injectable()
export class ConsumptionRepository extends TenantRepository<
  ConsumptionDocument,
  Consumption & { transactionId: string }
> {
  constructor(
    @InjectModel(ConsumptionDocument.name) model: Model<ConsumptionDocument>,
    @InjectModel(StationMeterValueDocument.name)
    private readonly stationValues: Model<StationMeterValueDocument>,
  ) {
    super(model);
  }

  /**
   * Writes a batch, possibly of several tenants, in one insertMany on the driver's collection: the
   * documents are built here, so mongoose's per-document casting would only cost time.
   */
  async insertBatch(records: ConsumptionRecord[]): Promise<void> {
    if (!records.length) return;
    try {
      await this.model.collection.insertMany(
        records.map(({ tenantId, transactionId, chargingStationId, connectorId, point, sampledValues }) => ({
          _id: consumptionId(tenantId, transactionId, point.timestamp) as never,
          tenantId,
          transactionId,
          chargingStationId,
          connectorId,
          timestamp: point.timestamp,
          pointJson: pointJsonOf(point, sampledValues),
        })),
        { ordered: false },
      );
    } catch (error) {
      // Points already stored (a retried batch): the others of the batch were written all the same.
      if (!onlyAlreadyStored(error)) throw error;
    }
  }

  async insertStationValues(tenantId: TenantId, records: StationMeterValueRecord[]): Promise<void> {
    if (!records.length) return;
    await this.stationValues.insertMany(
      records.map(({ sampledValues, ...record }) => ({
        ...record,
        tenantId,
        sampledValuesJson: JSON.stringify(sampledValues),
      })),
    );
  }

  /** Retention: deletes the meter values outside sessions measured before `before`; returns how many. */
  async deleteStationValuesBefore(tenantId: TenantId, before: Date): Promise<number> {
    const filter = this.scope(tenantId, { timestamp: { $lt: before } }) as never;
    return (await this.stationValues.deleteMany(filter).exec()).deletedCount;
  }

  async countStationValues(tenantId: TenantId, chargingStationId: string): Promise<number> {
    return countMatching(this.stationValues, this.scope(tenantId, { chargingStationId }) as never);
  }

  /** The last point of a session's curve: where a session resumes after a restart. */
  async lastOf(
    tenantId: TenantId,
    transactionId: string,
  ): Promise<{ timestamp: Date; cumulatedWh: number } | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { transactionId }), { timestamp: 1, pointJson: 1, cumulatedWh: 1 })
      .sort({ timestamp: -1 })
      .lean<Pick<StoredConsumption, 'timestamp' | 'pointJson' | 'cumulatedWh'>>()
      .exec();
    return doc ? { timestamp: doc.timestamp, cumulatedWh: figuresOf(doc).cumulatedWh } : null;
  }

  /** What a session's price is computed from: its curve's time, energy and current, oldest first. */
  async meterCurveOf(
    tenantId: TenantId,
    transactionId: string,
  ): Promise<{ timestamp: Date; cumulatedWh: number; instantAmps?: number; cumulatedAmount?: number }[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { transactionId }), {
        _id: 0,
        timestamp: 1,
        pointJson: 1,
        cumulatedWh: 1,
        instantAmps: 1,
        cumulatedAmount: 1,
      })
      .sort({ timestamp: 1 })
      .lean<
        Pick<
          StoredConsumption,
          'timestamp' | 'pointJson' | 'cumulatedWh' | 'instantAmps' | 'cumulatedAmount'
        >[]
      >()
      .exec();
    return docs.map((doc) => {
      const { cumulatedWh, instantAmps, cumulatedAmount } = figuresOf(doc);
      return { timestamp: doc.timestamp, cumulatedWh, instantAmps, cumulatedAmount };
    });
  }

  /** The last point of a session's curve with all its figures (currents per phase, state of charge). */
  async latestPointOf(tenantId: TenantId, transactionId: string): Promise<Consumption | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { transactionId }))
      .sort({ timestamp: -1 })
      .lean<StoredConsumption>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }

  /**
   * Puts a state of charge the car measured at `at` on the session's first curve point at or after
   * that time, unless a newer car reading is there already (a state of charge the station reported
   * there wins when the point is read). False when the session has no point at or after `at` yet.
   */
  async applyCarStateOfCharge(
    tenantId: TenantId,
    transactionId: string,
    at: Date,
    stateOfCharge: number,
  ): Promise<boolean> {
    const point = await this.model
      .findOne(this.scope(tenantId, { transactionId, timestamp: { $gte: at } }), { _id: 1 })
      .sort({ timestamp: 1 })
      .lean<{ _id: string }>()
      .exec();
    if (!point) return false;
    await this.model
      .updateOne(
        this.scope(tenantId, {
          _id: point._id,
          $and: [
            { $or: [{ stateOfCharge: null }, { stateOfChargeSource: StateOfChargeSource.CAR }] },
            { $or: [{ carStateOfChargeAt: null }, { carStateOfChargeAt: { $lte: at } }] },
          ],
        }),
        { $set: { stateOfCharge, stateOfChargeSource: StateOfChargeSource.CAR, carStateOfChargeAt: at } },
      )
      .exec();
    return true;
  }

  /** The curves of several sessions in one query, each sorted by time. */
  async findForTransactions(
    tenantId: TenantId,
    transactionIds: readonly string[],
  ): Promise<Map<string, Consumption[]>> {
    const docs = await this.model
      .find(this.scope(tenantId, { transactionId: { $in: [...transactionIds] } }))
      .sort({ timestamp: 1 })
      .lean<StoredConsumption[]>()
      .exec();
    const curves = new Map<string, Consumption[]>(transactionIds.map((id) => [id, []]));
    for (const doc of docs) curves.get(doc.transactionId)?.push(this.toEntity(doc));
    return curves;
  }

  protected toEntity(doc: StoredConsumption): Consumption & { transactionId: string } {
    const figures = figuresOf(doc);
    const carStateOfCharge =
      doc.stateOfChargeSource === StateOfChargeSource.CAR ? (doc.stateOfCharge ?? undefined) : undefined;
    return {
      transactionId: doc.transactionId,
      timestamp: doc.timestamp,
      cumulatedWh: figures.cumulatedWh,
      instantWatts: figures.instantWatts,
      instantAmps: figures.instantAmps,
      instantAmpsL1: figures.instantAmpsL1,
      instantAmpsL2: figures.instantAmpsL2,
      instantAmpsL3: figures.instantAmpsL3,
      voltage: figures.voltage,
      stateOfCharge: figures.stateOfCharge ?? carStateOfCharge,
      stateOfChargeSource:
        figures.stateOfCharge !== undefined
          ? StateOfChargeSource.STATION
          : carStateOfCharge !== undefined
            ? StateOfChargeSource.CAR
            : undefined,
      limitWatts: figures.limitWatts,
      amount: figures.amount,
      cumulatedAmount: figures.cumulatedAmount,
    };
  }
}
