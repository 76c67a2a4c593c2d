import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { JobQueue } from '@csms/database';
import { Inject, Injectable } from '@nestjs/common';
import { RefundReport, RefundStatus } from './refund-report';
import { RefundReportRepository } from './refund-report.repository';
import { RefundedSessionRepository } from './refunded-session.repository';

export const REFUND_STATUS_QUEUE = 'refunds.status';

export interface RefundStatusPayload {
  reportId: string;
}

/** A report's moves, with its sessions moving along; and the scheduled follow-up of its status. */
@Injectable()
export class RefundReportFlow {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: RefundReportRepository,
    private readonly claims: RefundedSessionRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Moves the report from `from` (a report moved meanwhile stays as it is) and its sessions. */
  async decide(
    tenantId: TenantId,
    report: RefundReport,
    from: RefundStatus,
    change: { status: RefundStatus; reason?: string; concurStatus?: string },
  ): Promise<void> {
    const moved = await this.reports.setStatus(tenantId, report.id, from, { ...change, at: new Date() });
    if (moved) await this.claims.setStatus(tenantId, report.id, change.status);
  }

  /** The report's status is read from Concur every REFUNDS_STATUS_POLL_MS until it is decided. */
  async follow(tenantId: TenantId, reportId: string): Promise<void> {
    await this.jobs.enqueue<RefundStatusPayload>(
      tenantId,
      REFUND_STATUS_QUEUE,
      { reportId },
      {
        key: reportId,
        runAt: this.nextCheck(),
      },
    );
  }

  nextCheck(): Date {
    return new Date(Date.now() + this.config.REFUNDS_STATUS_POLL_MS);
  }
}
