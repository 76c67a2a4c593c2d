import { AssetReadingRepository } from '@csms/assets';
import { AuditEntryRepository } from '@csms/audit';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { NotificationJobRepository } from '@csms/notifications';
import { OcppMessageRepository, StationNotificationRepository } from '@csms/ocpp';
import { StationDataTransferRepository } from '@csms/stations';
import { ConsumptionRepository } from '@csms/transactions';
// The repository files themselves: the roaming module imports housekeeping (its job lock).
import { RoamingAuthorizationRepository } from '@csms/roaming/authorizations/roaming-authorization.repository';
import { OcpiMessageRepository } from '@csms/roaming/ocpi/log/ocpi-message.repository';
import { OutboxRepository } from '@csms/roaming/outbox/outbox.repository';
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
    AssetReadingRepository,
    AuditEntryRepository,
    OcpiMessageRepository,
    OutboxRepository,
    RoamingAuthorizationRepository,
  ],
  useFactory: (
    config: AppConfig,
    ocppMessages: OcppMessageRepository,
    stationReports: StationNotificationRepository,
    dataTransfers: StationDataTransferRepository,
    consumptions: ConsumptionRepository,
    notificationJobs: NotificationJobRepository,
    assetReadings: AssetReadingRepository,
    auditEntries: AuditEntryRepository,
    ocpiMessages: OcpiMessageRepository,
    roamingOutbox: OutboxRepository,
    roamingAuthorizations: RoamingAuthorizationRepository,
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
      name: 'assetReadings',
      retentionDays: config.ASSET_READING_RETENTION_DAYS,
      purge: (tenantId, before) => assetReadings.deleteBefore(tenantId, before),
    },
    {
      name: 'auditLog',
      retentionDays: config.AUDIT_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => auditEntries.deleteBefore(tenantId, before),
    },
    {
      name: 'ocpiMessages',
      retentionDays: config.ROAMING_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => ocpiMessages.deleteBefore(tenantId, before),
    },
    {
      name: 'roamingOutboxFinished',
      retentionDays: config.ROAMING_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => roamingOutbox.deleteFinishedBefore(tenantId, before),
    },
    {
      name: 'roamingAuthorizations',
      retentionDays: config.ROAMING_LOG_RETENTION_DAYS,
      purge: (tenantId, before) => roamingAuthorizations.deleteBefore(tenantId, before),
    },
  ],
};
