import { HousekeepingModule } from '@csms/housekeeping';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobHandlers } from './job-handlers';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { JobRepository } from './job.repository';
import { JobDocument, JobSchema } from './schemas/job.schema';

/**
 * Persistent, retried jobs for any module: enqueue with JobQueue, run with a JobHandler registered
 * in JobHandlers. Global: every module may enqueue and register.
 */
@Global()
@Module({
  imports: [HousekeepingModule, MongooseModule.forFeature([{ name: JobDocument.name, schema: JobSchema }])],
  providers: [JobRepository, JobQueue, JobHandlers, JobRunner],
  exports: [JobQueue, JobHandlers, JobRunner],
})
export class JobsModule {}
