import { OutboundAddressRefused, OutboundHttp, TenantId, asTenantId } from '@csms/common';
import { NotConnectedError, OAuth2Connections } from '@csms/connections';
import { Job, JobHandler, JobHandlers, JobResult } from '@csms/database';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CONCUR_APPROVED, CONCUR_SENT_BACK } from '../concur/concur-api';
import { ConcurClient, ConcurNotFound } from '../concur/concur-client';
import { CONCUR_CONNECTION } from '../concur/concur-connection';
import { RefundSettingsService, RefundsNotConfiguredError } from '../settings/refund-settings.service';
import { REFUND_STATUS_QUEUE, RefundReportFlow, RefundStatusPayload } from './refund-report.flow';
import { RefundReport } from './refund-report';
import { RefundReportRepository } from './refund-report.repository';

/**
 * Follows a submitted report in Concur (one recurring job per report): approved, sent back by the
 * approver (REJECTED) or deleted (CANCELLED) ends it and moves its sessions; anything else is read
 * again later. A user who must reconnect, or refunds switched off, only postpone the next reading.
 */
@Injectable()
export class RefundStatusJob extends JobHandler<RefundStatusPayload> implements OnModuleInit {
  readonly queue = REFUND_STATUS_QUEUE;
  override readonly concurrency = 1;
  private readonly logger = new Logger(RefundStatusJob.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly settings: RefundSettingsService,
    private readonly connections: OAuth2Connections,
    private readonly reports: RefundReportRepository,
    private readonly flow: RefundReportFlow,
    private readonly outbound: OutboundHttp,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(job: Job<RefundStatusPayload>): Promise<JobResult | void> {
    const tenantId = asTenantId(job.tenantId);
    const report = await this.reports.findById(tenantId, job.payload.reportId);
    if (!report || report.status !== 'SUBMITTED' || !report.concurReportId) return;
    try {
      return await this.check(tenantId, report);
    } catch (error) {
      // Until the driver connects again, an admin configures refunds, or Concur's address is one we
      // call: checked again at the next check, never counted towards giving up.
      const waits =
        error instanceof NotConnectedError ||
        error instanceof RefundsNotConfiguredError ||
        error instanceof OutboundAddressRefused;
      if (!waits) throw error;
      this.logger.warn({ tenantId, reportId: report.id }, `Refund status not read: ${error.message}`);
      return { outcome: 'again', at: this.flow.nextCheck() };
    }
  }

  private async check(tenantId: TenantId, report: RefundReport): Promise<JobResult | void> {
    const settings = await this.settings.usable(tenantId);
    const concurReportId = report.concurReportId!;
    const found = await this.connections
      .withAccessToken(tenantId, report.userId, CONCUR_CONNECTION, (token, connection) =>
        new ConcurClient(this.outbound, connection.extras.geolocation ?? settings.apiUrl, token).report(
          concurReportId,
        ),
      )
      .catch((error: unknown) => {
        if (error instanceof ConcurNotFound) return null;
        throw error;
      });
    if (!found) {
      await this.flow.decide(tenantId, report, 'SUBMITTED', {
        status: 'CANCELLED',
        reason: 'The report was deleted in Concur',
      });
      return;
    }
    const concurStatus = found.ApprovalStatusCode;
    if (concurStatus === CONCUR_APPROVED) {
      await this.flow.decide(tenantId, report, 'SUBMITTED', { status: 'APPROVED', concurStatus });
      return;
    }
    if (concurStatus === CONCUR_SENT_BACK) {
      await this.flow.decide(tenantId, report, 'SUBMITTED', {
        status: 'REJECTED',
        concurStatus,
        reason: `Sent back by the approver${found.ApprovalStatusName ? ` (${found.ApprovalStatusName})` : ''}`,
      });
      return;
    }
    if (concurStatus && concurStatus !== report.concurStatus) {
      await this.reports.noteConcurStatus(tenantId, report.id, concurStatus);
    }
    return { outcome: 'again', at: this.flow.nextCheck() };
  }
}
