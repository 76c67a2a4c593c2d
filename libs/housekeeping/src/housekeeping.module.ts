import { INSTANCE_ID } from '@csms/cluster';
import { JobLeases } from '@csms/database';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ScheduleModule } from '@nestjs/schedule';
import { HousekeepingScheduler } from './housekeeping.scheduler';
import { HousekeepingService } from './housekeeping.service';
import { ApiKeyRemindersJob } from './jobs/api-key-reminders.job';
import { LogRetentionJob } from './jobs/log-retention.job';
import { OfflineStationsJob } from './jobs/offline-stations.job';
import { retentionTargetsProvider } from './jobs/retention-targets.provider';
import { StaleSessionsJob } from './jobs/stale-sessions.job';
import { HousekeepingLockRepository } from './lock/housekeeping-lock.repository';
import { JobLock } from './lock/job-lock';
import { LeaseStore } from './lock/lease-store';
import { HousekeepingLockDocument, HousekeepingLockSchema } from './lock/schemas/housekeeping-lock.schema';

/**
 * Scheduled upkeep: stations gone quiet go offline, stale sessions close, old logs go, admins hear of
 * API keys about to expire. No GraphQL.
 * Uses the domain modules' exported services and repositories (all global) and the cluster's
 * ownership registry and instance id. Global: its lock is also the lease of every persistent job
 * queue (JobLeases, libs/database jobs).
 */
@Global()
@Module({
  imports: [
    ScheduleModule.forRoot(),
    MongooseModule.forFeature([{ name: HousekeepingLockDocument.name, schema: HousekeepingLockSchema }]),
  ],
  providers: [
    HousekeepingLockRepository,
    { provide: LeaseStore, useExisting: HousekeepingLockRepository },
    {
      provide: JobLock,
      inject: [LeaseStore, INSTANCE_ID],
      useFactory: (store: LeaseStore, instanceId: string) => new JobLock(store, instanceId),
    },
    { provide: JobLeases, useExisting: JobLock },
    retentionTargetsProvider,
    OfflineStationsJob,
    StaleSessionsJob,
    LogRetentionJob,
    ApiKeyRemindersJob,
    HousekeepingService,
    HousekeepingScheduler,
  ],
  exports: [HousekeepingService, JobLock, JobLeases],
})
export class HousekeepingModule {}
