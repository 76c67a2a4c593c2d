import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConcurConnectionResolver } from './connection/concur-connection.resolver';
import { RefundReportFlow } from './reports/refund-report.flow';
import { RefundReportJob } from './reports/refund-report.job';
import { RefundReportRepository } from './reports/refund-report.repository';
import { RefundResolver } from './reports/refund.resolver';
import { RefundService } from './reports/refund.service';
import { RefundStatusJob } from './reports/refund-status.job';
import { RefundedSessionRepository } from './reports/refunded-session.repository';
import { RefundReportDocument, RefundReportSchema } from './reports/schemas/refund-report.schema';
import { RefundedSessionDocument, RefundedSessionSchema } from './reports/schemas/refunded-session.schema';
import { SessionPlaces } from './reports/session-places';
import { TransactionRefundResolver } from './reports/transaction-refund.resolver';
import { RefundSettingsRepository } from './settings/refund-settings.repository';
import { RefundSettingsResolver } from './settings/refund-settings.resolver';
import { RefundSettingsService } from './settings/refund-settings.service';
import { RefundSettingsDocument, RefundSettingsSchema } from './settings/schemas/refund-settings.schema';

/**
 * Refunds through SAP Concur: tenant settings, each user's Concur connection (libs/connections),
 * expense reports of the user's sessions sent and followed by persistent jobs, and Transaction.refund.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RefundSettingsDocument.name, schema: RefundSettingsSchema },
      { name: RefundReportDocument.name, schema: RefundReportSchema },
      { name: RefundedSessionDocument.name, schema: RefundedSessionSchema },
    ]),
  ],
  providers: [
    RefundSettingsRepository,
    RefundSettingsService,
    RefundSettingsResolver,
    ConcurConnectionResolver,
    RefundReportRepository,
    RefundedSessionRepository,
    SessionPlaces,
    RefundReportFlow,
    RefundService,
    RefundReportJob,
    RefundStatusJob,
    RefundResolver,
    TransactionRefundResolver,
  ],
  exports: [RefundSettingsService],
})
export class RefundsModule {}
