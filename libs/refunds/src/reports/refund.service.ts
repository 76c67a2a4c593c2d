import { AppAbility, Principal } from '@csms/auth';
import { BadInputError, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { OAuth2Connections } from '@csms/connections';
import { JobQueue, newId } from '@csms/database';
import { Transaction, TransactionQueryService } from '@csms/transactions';
import { Injectable } from '@nestjs/common';
import { CONCUR_CONNECTION } from '../concur/concur-connection';
import { RefundSettingsService, RefundsNotConfiguredError } from '../settings/refund-settings.service';
import { RefundReportFlow } from './refund-report.flow';
import { REFUND_REPORT_QUEUE, RefundReportPayload } from './refund-report.job';
import { RELEASING_STATUSES, RefundReport } from './refund-report';
import { RefundReportRepository } from './refund-report.repository';
import { refundEntryOf, reportNameOf } from './refund-entries';
import { RefundedSessionRepository } from './refunded-session.repository';
import { SessionPlaces } from './session-places';

/**
 * A driver's refund: their own stopped, priced sessions become one expense report, stored with its
 * entries, each session claimed by it (never two live reports for a session), then sent to Concur
 * by a persistent job (RefundReportJob).
 */
@Injectable()
export class RefundService {
  constructor(
    private readonly settings: RefundSettingsService,
    private readonly connections: OAuth2Connections,
    private readonly transactions: TransactionQueryService,
    private readonly places: SessionPlaces,
    private readonly reports: RefundReportRepository,
    private readonly claims: RefundedSessionRepository,
    private readonly flow: RefundReportFlow,
    private readonly jobs: JobQueue,
  ) {}

  async refund(principal: Principal, ability: AppAbility, transactionIds: string[]): Promise<RefundReport> {
    const { tenantId, userId } = principal;
    const settings = await this.settings.usable(tenantId).catch((error: unknown) => {
      if (error instanceof RefundsNotConfiguredError) throw new BadInputError(error.message);
      throw error;
    });
    const sessions = await this.refundable(principal, ability, transactionIds);
    const connection = await this.connections.find(tenantId, userId, CONCUR_CONNECTION);
    if (!connection || connection.brokenReason) {
      throw new BadInputError('Connect your Concur account first (connectConcur)');
    }
    await this.refuseRefunded(tenantId, transactionIds);
    const places = await this.places.ofStations(
      tenantId,
      sessions.map((session) => session.chargingStationId),
    );
    const entries = sessions.map((session) => refundEntryOf(session, places.get(session.chargingStationId)!));
    const report = await this.reports.create(tenantId, {
      id: newId(),
      userId,
      name: reportNameOf(settings.reportName, entries),
      entries,
    });
    const refused = await this.claims.claim(tenantId, userId, report.id, transactionIds);
    if (refused.length) {
      // Another request claimed them between the check above and here.
      const reason = `Already being refunded: ${refused.join(', ')}`;
      await this.flow.decide(tenantId, report, 'PENDING', { status: 'FAILED', reason });
      throw new BadInputError(reason, { field: 'transactionIds', transactionIds: refused });
    }
    try {
      await this.jobs.enqueue<RefundReportPayload>(
        tenantId,
        REFUND_REPORT_QUEUE,
        { reportId: report.id },
        {
          key: report.id,
        },
      );
    } catch (error) {
      // Not stored, never sent: the sessions are released rather than held by a report going nowhere.
      await this.flow.decide(tenantId, report, 'PENDING', {
        status: 'FAILED',
        reason: 'Not queued for Concur',
      });
      throw error;
    }
    return report;
  }

  /** The sessions, in order, when each is the caller's own, stopped and priced. */
  private async refundable(
    principal: Principal,
    ability: AppAbility,
    transactionIds: string[],
  ): Promise<Transaction[]> {
    const sessions: Transaction[] = [];
    for (const id of transactionIds) {
      const session = await this.transactions.findReadable(principal, ability, id);
      if (!session) throw new NotFoundError('Transaction', id);
      if (session.userId !== principal.userId)
        throw new ForbiddenError('You may refund only your own sessions');
      if (session.active || !session.stoppedAt) {
        throw new BadInputError(`Session ${id} is still in progress`, { field: 'transactionIds', id });
      }
      if (!session.price || !(session.price.inclVat > 0)) {
        throw new BadInputError(`Session ${id} has no price to refund`, { field: 'transactionIds', id });
      }
      sessions.push(session);
    }
    return sessions;
  }

  private async refuseRefunded(tenantId: TenantId, transactionIds: string[]): Promise<void> {
    const claims = await Promise.all(transactionIds.map((id) => this.claims.ofTransaction(tenantId, id)));
    const live = claims.filter((claim) => claim && !RELEASING_STATUSES.includes(claim.status));
    if (live.length) {
      throw new BadInputError(
        `Already refunded or being refunded: ${live.map((claim) => claim!.transactionId).join(', ')}`,
        { field: 'transactionIds', transactionIds: live.map((claim) => claim!.transactionId) },
      );
    }
  }
}
