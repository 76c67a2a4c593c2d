import { TenantId, asTenantId } from '@csms/common';
import { Lean, TenantRepository, isDuplicateKeyError, newId } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EnqueueOptions, Job, JobStatus } from './job';
import { JobDocument } from './schemas/job.schema';

/** A job enqueued with a key has this id: the unique _id is what keeps it single. */
export function keyedJobId(queue: string, tenantId: string, key: string): string {
  return `${queue}|${tenantId}|${key}`;
}

@Injectable()
export class JobRepository extends TenantRepository<JobDocument, Job> {
  constructor(@InjectModel(JobDocument.name) model: Model<JobDocument>) {
    super(model);
  }

  /** Stores a job; null when one with the same key already exists. */
  async add<P>(
    tenantId: TenantId,
    queue: string,
    payload: P,
    options: EnqueueOptions,
  ): Promise<string | null> {
    const now = new Date();
    const id = options.key ? keyedJobId(queue, tenantId, options.key) : newId();
    try {
      await this.model.collection.insertOne({
        _id: id as never,
        tenantId,
        queue,
        ...(options.key ? { key: options.key } : {}),
        payload: payload,
        status: 'PENDING',
        attempts: 0,
        runAt: options.runAt ?? now,
        createdAt: now,
      });
      return id;
    } catch (error) {
      if (options.key && isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  /**
   * A queue's jobs due by `now`, soonest first, of every tenant: the one query here not scoped to a
   * tenant, because one runner serves them all.
   */
  async due(queue: string, now: Date, limit: number): Promise<Job[]> {
    const docs = await this.model
      .find({ queue, status: 'PENDING', runAt: { $lte: now } })
      .sort({ runAt: 1, _id: 1 })
      .limit(limit)
      .lean<Lean<JobDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /** When the queue's next pending job is due (all tenants), if it has one. */
  async nextDue(queue: string): Promise<Date | undefined> {
    const doc = await this.model
      .findOne({ queue, status: 'PENDING' }, { runAt: 1 })
      .sort({ runAt: 1, _id: 1 })
      .lean<Lean<JobDocument>>()
      .exec();
    return doc?.runAt;
  }

  async remove(job: Job): Promise<void> {
    await this.deleteOne(job.tenantId, { _id: job.id });
  }

  /** Runs again at `runAt`; `failure` records an attempt that failed. */
  async reschedule(
    job: Job,
    runAt: Date,
    change: { attempts: number; payload?: unknown; failure?: { at: Date; error: string } },
  ): Promise<void> {
    await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id }), {
        $set: {
          runAt,
          attempts: change.attempts,
          ...(change.payload !== undefined ? { payload: change.payload } : {}),
          ...(change.failure ? { lastAttemptAt: change.failure.at, lastError: change.failure.error } : {}),
        },
      })
      .exec();
  }

  async fail(job: Job, attempts: number, at: Date, error: string): Promise<void> {
    await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id }), {
        $set: { status: 'FAILED', attempts, lastAttemptAt: at, lastError: error, failedAt: at },
      })
      .exec();
  }

  /** Puts a FAILED job back in its queue, now (an operator's retry). */
  requeue(tenantId: TenantId, id: string): Promise<Job | null> {
    return this.updateOne(
      tenantId,
      { _id: id, status: 'FAILED' },
      { $set: { status: 'PENDING', runAt: new Date(), attempts: 0 }, $unset: { failedAt: 1 } },
    );
  }

  /** A tenant's jobs of a queue (tests, the operator's view). */
  ofQueue(tenantId: TenantId, queue: string, status?: JobStatus): Promise<Job[]> {
    return this.findMany(tenantId, { queue, ...(status ? { status } : {}) });
  }

  /** Jobs per queue and status, every tenant (the metrics' backlog gauge). */
  async countsByQueue(): Promise<{ queue: string; status: JobStatus; count: number }[]> {
    const rows = await this.model
      .aggregate<{ _id: { queue: string; status: JobStatus }; count: number }>([
        { $group: { _id: { queue: '$queue', status: '$status' }, count: { $sum: 1 } } },
      ])
      .exec();
    return rows.map((row) => ({ queue: row._id.queue, status: row._id.status, count: row.count }));
  }

  /** Retention: deletes the jobs given up on before `before`. */
  async deleteFailedBefore(tenantId: TenantId, before: Date): Promise<number> {
    const result = await this.model
      .deleteMany(this.scope(tenantId, { status: 'FAILED', failedAt: { $lt: before } }))
      .exec();
    return result.deletedCount;
  }

  protected toEntity(doc: Lean<JobDocument>): Job {
    return {
      id: doc._id,
      tenantId: asTenantId(doc.tenantId),
      queue: doc.queue,
      key: doc.key,
      payload: doc.payload,
      status: doc.status,
      attempts: doc.attempts,
      runAt: doc.runAt,
      createdAt: doc.createdAt,
      lastAttemptAt: doc.lastAttemptAt,
      lastError: doc.lastError,
      failedAt: doc.failedAt,
    };
  }
}
