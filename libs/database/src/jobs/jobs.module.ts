import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { JobMetrics } from './job.metrics';
import { QueuedJobRepository } from './queued-job.repository';
import { QueuedJobDocument, QueuedJobSchema } from './schemas/queued-job.schema';

/**
 * Persistent, retried jobs for any module: enqueue with JobQueue, run with a JobHandler registered in
 * JobHandlers. One instance at a time runs a queue when a JobLeases provider is there (housekeeping).
 */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: QueuedJobDocument.name, schema: QueuedJobSchema }])],
  providers: [QueuedJobRepository, JobQueue, JobHandlers, JobRunner, JobMetrics],
  exports: [JobQueue, JobHandlers, JobRunner],
})
export class JobsModule {}
