import { asTenantId } from '@csms/common';
import { Transaction } from '@csms/transactions';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { TransactionRefund } from './models/refund-report.model';
import { RefundedSessionRepository } from './refunded-session.repository';

/** Transaction.refund: null until the session is put in a refund report. */
@Resolver(() => Transaction)
export class TransactionRefundResolver {
  constructor(private readonly claims: RefundedSessionRepository) {}

  @ResolveField(() => TransactionRefund, { nullable: true })
  async refund(@Parent() transaction: Transaction): Promise<TransactionRefund | null> {
    const claim = await this.claims.ofTransaction(asTenantId(transaction.tenantId), transaction.id);
    return claim ? { status: claim.status, reportId: claim.reportId } : null;
  }
}
