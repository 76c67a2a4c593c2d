import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CarSocReading } from './car-soc-reading';
import { CarSocReadingDocument } from './schemas/car-soc-reading.schema';

const readingId = (transactionId: string, measuredAt: Date) => `${transactionId}|${measuredAt.getTime()}`;

@Injectable()
export class CarSocReadingRepository extends TenantRepository<CarSocReadingDocument, CarSocReading> {
  constructor(@InjectModel(CarSocReadingDocument.name) model: Model<CarSocReadingDocument>) {
    super(model);
  }

  /** Stores a reading once: the same measurement read again changes nothing. */
  async add(tenantId: TenantId, reading: Omit<CarSocReading, 'onCurve'>): Promise<void> {
    await this.model
      .updateOne(
        this.scope(tenantId, { _id: readingId(reading.transactionId, reading.measuredAt) }),
        { $setOnInsert: { ...reading, onCurve: false } },
        { upsert: true },
      )
      .exec();
  }

  /** A session's readings not on its curve yet, oldest first. */
  async notOnCurve(tenantId: TenantId, transactionId: string): Promise<CarSocReading[]> {
    const docs = await this.model
      .find(this.scope(tenantId, { transactionId, onCurve: false }))
      .sort({ measuredAt: 1 })
      .lean<Lean<CarSocReadingDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  async putOnCurve(tenantId: TenantId, reading: CarSocReading): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, { _id: readingId(reading.transactionId, reading.measuredAt) }), {
        $set: { onCurve: true },
      })
      .exec();
  }

  /** The latest reading of each of these sessions. */
  async latestOf(tenantId: TenantId, transactionIds: readonly string[]): Promise<Map<string, CarSocReading>> {
    const latest = new Map<string, CarSocReading>();
    if (!transactionIds.length) return latest;
    const docs = await this.model
      .find(this.scope(tenantId, { transactionId: { $in: [...transactionIds] } }))
      .sort({ measuredAt: -1 })
      .lean<Lean<CarSocReadingDocument>[]>()
      .exec();
    for (const doc of docs)
      if (!latest.has(doc.transactionId)) latest.set(doc.transactionId, this.toEntity(doc));
    return latest;
  }

  /** The user's latest reading (their connection's status). */
  async latestOfUser(tenantId: TenantId, userId: string): Promise<CarSocReading | null> {
    const doc = await this.model
      .findOne(this.scope(tenantId, { userId }))
      .sort({ readAt: -1 })
      .lean<Lean<CarSocReadingDocument>>()
      .exec();
    return doc ? this.toEntity(doc) : null;
  }

  protected toEntity(doc: Lean<CarSocReadingDocument>): CarSocReading {
    return {
      transactionId: doc.transactionId,
      userId: doc.userId,
      carId: doc.carId,
      stateOfCharge: doc.stateOfCharge,
      measuredAt: doc.measuredAt,
      readAt: doc.readAt,
      onCurve: doc.onCurve,
      ...(doc.odometerKm !== undefined && doc.odometerKm !== null ? { odometerKm: doc.odometerKm } : {}),
      ...(doc.rangeKm !== undefined && doc.rangeKm !== null ? { rangeKm: doc.rangeKm } : {}),
    };
  }
}
