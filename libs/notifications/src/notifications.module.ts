import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FrontendLinks } from './frontend-links';
import { EndOfChargeListener } from './listeners/end-of-charge.listener';
import { OptimalChargeListener } from './listeners/optimal-charge.listener';
import { SessionNotificationListener } from './listeners/session-notification.listener';
import { SmartChargingExclusionListener } from './listeners/smart-charging-exclusion.listener';
import { StationNotificationListener } from './listeners/station-notification.listener';
import { UnknownTagListener } from './listeners/unknown-tag.listener';
import { MailSender } from './mail/mail-sender';
import { NotificationService } from './notification.service';
import { NotificationJobRepository } from './queue/notification-job.repository';
import { NotificationQueue } from './queue/notification-queue';
import { NotificationJobDocument, NotificationJobSchema } from './queue/schemas/notification-job.schema';

/** Email notifications; needs a RecipientDirectory, provided by the users module. */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([{ name: NotificationJobDocument.name, schema: NotificationJobSchema }]),
  ],
  providers: [
    MailSender,
    NotificationJobRepository,
    NotificationQueue,
    NotificationService,
    FrontendLinks,
    SessionNotificationListener,
    EndOfChargeListener,
    OptimalChargeListener,
    StationNotificationListener,
    UnknownTagListener,
    SmartChargingExclusionListener,
  ],
  exports: [NotificationService, NotificationQueue, FrontendLinks, NotificationJobRepository],
})
export class NotificationsModule {}
