import { AuditEntryRepository } from '@csms/audit';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { NotificationJobRepository } from '@csms/notifications';
import { OcppMessageRepository, StationNotificationRepository } from '@csms/ocpp';
import { StationDataTransferRepository } from '@csms/stations';
import { ConsumptionRepository } from '@csms/transactions';
import { Provider } from '@nestjs/common';
import { RETENTION_TARGETS, RetentionTarget } from './retention-target';

/** The logs kept for a while and the repositories (of their owning modules) that delete them. */
export const retentionTargetsProvider: Provider = {
  provide: RETENTION_TARGETS,
  inject: [
    APP_CONFIG,
    OcppMessageRepository,
    StationNotificationRepository,
    StationDataTransferRepository,
    ConsumptionRepository,
    NotificationJobRepository,
    AuditEntryRepository,
  ],
  useFactory: (
    config: AppConfig,
    ocppMessages: OcppMessageRepository,
    stationReports: StationNotificationRepository,
    dataTransfers: StationDataTransferRepository,
    consumptions: ConsumptionRepository,
    notificationJobs: NotificationJobRepository,
    auditEntries: AuditEntryRepository,
  ): RetentionTarget[] => [
    {
      name: 'ocppMessages',
      retentionDays: config.OCPP_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => ocppMessages.deleteBefore(tenantId, before),
    },
    {
      name: 'stationDataTransfers',
      retentionDays: config.STATION_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => dataTransfers.deleteReceivedBefore(tenantId, before),
    },
    {
      name: 'stationMeterValues',
      retentionDays: config.STATION_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => consumptions.deleteStationValuesBefore(tenantId, before),
    },
    {
      name: 'ocpp201StationReports',
      retentionDays: config.STATION_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => stationReports.deleteReceivedBefore(tenantId, before),
    },
    {
      name: 'failedNotifications',
      retentionDays: config.NOTIFICATION_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => notificationJobs.deleteFailedBefore(tenantId, before),
    },
    {
      name: 'auditLog',
      retentionDays: config.AUDIT_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => auditEntries.deleteBefore(tenantId, before),
    },
  ],
};
