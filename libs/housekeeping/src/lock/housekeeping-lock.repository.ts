import { isDuplicateKeyError } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LeaseRecord, LeaseStore } from './lease-store';
import { HousekeepingLockDocument } from './schemas/housekeeping-lock.schema';

function leaseId(job: string, generation: number): string {
  return `${job}:${generation}`;
}

/** Leases in the `housekeeping_locks` collection. */
@Injectable()
export class HousekeepingLockRepository extends LeaseStore {
  constructor(
    @InjectModel(HousekeepingLockDocument.name) private readonly model: Model<HousekeepingLockDocument>,
  ) {
    super();
  }

  async latest(job: string): Promise<LeaseRecord | null> {
    const doc = await this.model
      .findOne({ job })
      .sort({ generation: -1 })
      .lean<HousekeepingLockDocument>()
      .exec();
    if (!doc) return null;
    const { _id: _ignored, ...lease } = doc;
    return lease;
  }

  async insert(lease: LeaseRecord): Promise<boolean> {
    try {
      await this.model.create({ _id: leaseId(lease.job, lease.generation), ...lease });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(job: string, generation: number, at: Date): Promise<void> {
    await this.model.updateOne({ _id: leaseId(job, generation) }, { $set: { releasedAt: at } }).exec();
  }

  async extend(job: string, generation: number, expiresAt: Date): Promise<boolean> {
    const extended = await this.model
      .updateOne({ _id: leaseId(job, generation), releasedAt: { $exists: false } }, { $set: { expiresAt } })
      .exec();
    return extended.matchedCount === 1;
  }

  async prune(job: string, belowGeneration: number): Promise<void> {
    await this.model.deleteMany({ job, generation: { $lt: belowGeneration } }).exec();
  }
}
