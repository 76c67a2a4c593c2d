import {
  APP_CONFIG,
  AppConfig,
  OutboundAddressRefused,
  OutboundHttp,
  TenantId,
  asTenantId,
} from '@csms/common';
import { NotConnectedError, OAuth2Connections } from '@csms/connections';
import { DEFAULT_RETRY, Job, JobHandler, JobHandlers, JobResult, RetryPolicy } from '@csms/database';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConcurClient, ConcurNotFound, ConcurRefusal } from '../concur/concur-client';
import { CONCUR_CONNECTION } from '../concur/concur-connection';
import {
  RefundSettingsService,
  RefundsNotConfiguredError,
  UsableRefundSettings,
} from '../settings/refund-settings.service';
import { RefundReportFlow } from './refund-report.flow';
import { RefundReport } from './refund-report';
import { RefundReportRepository } from './refund-report.repository';
import { entryDescription } from './refund-entries';

export const REFUND_REPORT_QUEUE = 'refunds.report';

export interface RefundReportPayload {
  reportId: string;
}

/**
 * Sends a stored report to Concur, step by step, each step stored before the next so that a retry
 * (Concur down, a restart) resumes where the last attempt stopped: the report, then one entry per
 * session. Then the report is SUBMITTED and its status followed (RefundStatusJob). One at a time: a
 * user's token is refreshed by one job, never two.
 */
@Injectable()
export class RefundReportJob extends JobHandler<RefundReportPayload> implements OnModuleInit {
  readonly queue = REFUND_REPORT_QUEUE;
  override readonly concurrency = 1;
  override readonly retry: RetryPolicy;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly settings: RefundSettingsService,
    private readonly connections: OAuth2Connections,
    private readonly reports: RefundReportRepository,
    private readonly flow: RefundReportFlow,
    private readonly outbound: OutboundHttp,
  ) {
    super();
    this.retry = { ...DEFAULT_RETRY, baseDelayMs: config.REFUNDS_RETRY_BASE_MS };
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(job: Job<RefundReportPayload>): Promise<JobResult | void> {
    const tenantId = asTenantId(job.tenantId);
    const report = await this.reports.findById(tenantId, job.payload.reportId);
    if (!report || report.status !== 'PENDING') return;
    try {
      const settings = await this.settings.usable(tenantId);
      await this.connections.withAccessToken(
        tenantId,
        report.userId,
        CONCUR_CONNECTION,
        (token, connection) =>
          this.send(
            tenantId,
            report,
            settings,
            new ConcurClient(this.outbound, connection.extras.geolocation ?? settings.apiUrl, token),
          ),
      );
    } catch (error) {
      const refused =
        error instanceof RefundsNotConfiguredError ||
        error instanceof NotConnectedError ||
        error instanceof ConcurRefusal ||
        error instanceof ConcurNotFound ||
        // Concur's address (the settings', or the one its token named) is not one we call.
        error instanceof OutboundAddressRefused;
      if (!refused) throw error;
      await this.flow.decide(tenantId, report, 'PENDING', { status: 'FAILED', reason: error.message });
      return { outcome: 'failed', reason: error.message };
    }
    await this.flow.decide(tenantId, report, 'PENDING', { status: 'SUBMITTED' });
    await this.flow.follow(tenantId, report.id);
  }

  private async send(
    tenantId: TenantId,
    report: RefundReport,
    settings: UsableRefundSettings,
    concur: ConcurClient,
  ): Promise<void> {
    let concurReportId = report.concurReportId;
    if (!concurReportId) {
      concurReportId = await concur.createReport({
        Name: report.name,
        Purpose: 'Electric vehicle charging',
        ...(settings.policyId ? { PolicyID: settings.policyId } : {}),
        ...(report.entries[0] ? { CurrencyCode: report.entries[0].currency } : {}),
      });
      await this.reports.setConcurReportId(tenantId, report.id, concurReportId);
    }
    const locations = new Map<string, string | undefined>();
    for (const [index, entry] of report.entries.entries()) {
      if (entry.concurEntryId) continue;
      if (entry.city && !locations.has(entry.city))
        locations.set(entry.city, await concur.locationOf(entry.city));
      const locationId = entry.city ? locations.get(entry.city) : undefined;
      const entryId = await concur.createEntry({
        ReportID: concurReportId,
        ExpenseTypeCode: settings.expenseTypeCode,
        PaymentTypeID: settings.paymentTypeId,
        TransactionDate: entry.date,
        TransactionAmount: entry.amount,
        TransactionCurrencyCode: entry.currency,
        ...(locationId ? { LocationID: locationId } : {}),
        Description: entryDescription(entry),
        Comment: `Session ${entry.transactionId}`,
      });
      await this.reports.setEntryId(tenantId, report.id, index, entryId);
    }
  }
}
