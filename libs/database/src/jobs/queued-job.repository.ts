import { TenantId, asTenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKeyError } from '../duplicate-key';
import { newId } from '../new-id';
import { Lean, TenantRepository } from '../tenant-repository';
import { EnqueueOptions, Job, JobStatus } from './job';
import { QueuedJobDocument } from './schemas/queued-job.schema';

/** A keyed job's id: the unique `_id` is what keeps it single (FerretDB's one atomic guarantee). */
export function keyedJobId(queue: string, tenantId: string, key: string): string {
  return `${queue}|${tenantId}|${key}`;
}

@Injectable()
export class QueuedJobRepository extends TenantRepository<QueuedJobDocument, Job> {
  constructor(@InjectModel(QueuedJobDocument.name) model: Model<QueuedJobDocument>) {
    super(model);
  }

  /**
   * Stores a job and resolves with its id. A keyed job that exists already is asked to run again
   * (after a run in progress; revived if it was given up on), and its id is returned.
   */
  async add(tenantId: TenantId, queue: string, payload: unknown, options: EnqueueOptions): Promise<string> {
    const now = new Date();
    const id = options.key ? keyedJobId(queue, tenantId, options.key) : newId();
    try {
      await this.model.collection.insertOne({
        _id: id as never,
        tenantId,
        queue,
        ...(options.key ? { key: options.key } : {}),
        payload,
        status: 'PENDING',
        attempts: 0,
        runAt: options.runAt ?? now,
        createdAt: now,
      });
    } catch (error) {
      if (!options.key || !isDuplicateKeyError(error)) throw error;
      await this.model
        .updateOne(this.scope(tenantId, { _id: id }), {
          $set: { rerun: true, status: 'PENDING', attempts: 0, runAt: options.runAt ?? now },
          $unset: { failedAt: 1 },
        })
        .exec();
    }
    return id;
  }

  /** A queue's jobs due by `now`, soonest first, of every tenant: one runner serves them all. */
  async due(queue: string, now: Date, limit: number): Promise<Job[]> {
    const docs = await this.model
      .find({ queue, status: 'PENDING', runAt: { $lte: now } })
      .sort({ runAt: 1, _id: 1 })
      .limit(limit)
      .lean<Lean<QueuedJobDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }

  /**
   * When each of `queues` has its next pending job due (every tenant), of those due by `by`: one read
   * for them all. It reads at most `limit` jobs, soonest first; a queue behind another's backlog is
   * found by the next read, once that queue is woken (at work, it is no longer asked for).
   */
  async nextDueOf(queues: string[], by: Date, limit = 100): Promise<Map<string, Date>> {
    const docs = await this.model
      .find({ queue: { $in: queues }, status: 'PENDING', runAt: { $lte: by } }, { queue: 1, runAt: 1 })
      .sort({ runAt: 1, _id: 1 })
      .limit(limit)
      .lean<Lean<QueuedJobDocument>[]>()
      .exec();
    const next = new Map<string, Date>();
    for (const doc of docs) if (!next.has(doc.queue)) next.set(doc.queue, doc.runAt);
    return next;
  }

  /** Done: deleted, unless it was enqueued again meanwhile (then it runs again now). */
  async complete(job: Job): Promise<void> {
    const deleted = await this.model
      .deleteOne(this.scope(job.tenantId, { _id: job.id, rerun: { $ne: true } }))
      .exec();
    if (deleted.deletedCount) return;
    await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id }), {
        $set: { rerun: false, attempts: 0, runAt: new Date() },
      })
      .exec();
  }

  /** Recurring work done for now: next at `at`, unless it was enqueued again meanwhile (then now). */
  async again(job: Job, at: Date): Promise<void> {
    const later = await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id, rerun: { $ne: true } }), {
        $set: { runAt: at, attempts: 0 },
      })
      .exec();
    if (later.matchedCount) return;
    await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id }), {
        $set: { rerun: false, attempts: 0, runAt: new Date() },
      })
      .exec();
  }

  async reschedule(job: Job, runAt: Date, attempts: number, lastError?: string): Promise<void> {
    await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id }), {
        $set: { runAt, attempts, ...(lastError === undefined ? {} : { lastError }) },
      })
      .exec();
  }

  async fail(job: Job, attempts: number, at: Date, error: string): Promise<void> {
    await this.model
      .updateOne(this.scope(job.tenantId, { _id: job.id }), {
        $set: { status: 'FAILED', attempts, lastError: error, failedAt: at },
      })
      .exec();
  }

  /** Puts a job given up on back in its queue, to run now (an operator's retry). */
  requeue(tenantId: TenantId, id: string): Promise<Job | null> {
    return this.updateOne(
      tenantId,
      { _id: id, status: 'FAILED' },
      { $set: { status: 'PENDING', runAt: new Date(), attempts: 0 }, $unset: { failedAt: 1 } },
    );
  }

  ofQueue(tenantId: TenantId, queue: string, status?: JobStatus): Promise<Job[]> {
    return this.findMany(tenantId, { queue, ...(status ? { status } : {}) });
  }

  /** Jobs per queue and status, every tenant (the backlog gauge of the metrics). */
  async countsByQueue(): Promise<{ queue: string; status: JobStatus; count: number }[]> {
    const rows = await this.model
      .aggregate<{ _id: { queue: string; status: JobStatus }; count: number }>([
        { $group: { _id: { queue: '$queue', status: '$status' }, count: { $sum: 1 } } },
      ])
      .exec();
    return rows.map((row) => ({ queue: row._id.queue, status: row._id.status, count: row.count }));
  }

  protected toEntity(doc: Lean<QueuedJobDocument>): Job {
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
      lastError: doc.lastError,
      failedAt: doc.failedAt,
    };
  }
}
