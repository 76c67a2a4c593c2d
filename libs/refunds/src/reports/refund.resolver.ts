import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection, ForbiddenError, NotFoundError } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RefundReportsArgs } from './dto/refund-reports.args';
import { RefundSessionsArgs } from './dto/refund-sessions.args';
import { RefundReportConnection, RefundReportModel } from './models/refund-report.model';
import { RefundReport } from './refund-report';
import { RefundReportRepository } from './refund-report.repository';
import { RefundService } from './refund.service';

@Resolver(() => RefundReportModel)
export class RefundResolver {
  constructor(
    private readonly refunds: RefundService,
    private readonly reports: RefundReportRepository,
  ) {}

  @Mutation(() => RefundReportModel, {
    description:
      'One Concur expense report with an entry per session (your own, stopped and priced); sent to Concur in the background',
  })
  @CheckAbility('create', 'Refund')
  refundSessions(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: RefundSessionsArgs,
  ): Promise<RefundReport> {
    return this.refunds.refund(principal, ability, args.transactionIds);
  }

  @Query(() => RefundReportConnection, { description: 'Refund reports, newest first' })
  @CheckAbility('list', 'Refund')
  refundReports(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: RefundReportsArgs,
  ): Promise<Connection<RefundReport>> {
    const userId = args.userId ?? principal.userId;
    if (!canOn(ability, 'list', 'Refund', { userId })) {
      throw new ForbiddenError(`You may not see the refunds of user ${userId}`);
    }
    return this.reports.pageOfUser(principal.tenantId, userId, args);
  }

  @Query(() => RefundReportModel)
  @CheckAbility('read', 'Refund')
  async refundReport(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RefundReport> {
    const report = await this.reports.findById(principal.tenantId, id);
    if (!report || !canOn(ability, 'read', 'Refund', report)) throw new NotFoundError('RefundReport', id);
    return report;
  }
}
