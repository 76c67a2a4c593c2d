import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { ForbiddenError } from '@csms/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { UpcomingInvoiceModel } from './models/upcoming-invoice.model';
import { UpcomingInvoices } from './upcoming-invoice';

/** The monthly draft: drivers see their own, admins anyone's (CASL `Invoice`). */
@Resolver(() => UpcomingInvoiceModel)
export class UpcomingInvoiceResolver {
  constructor(private readonly upcoming: UpcomingInvoices) {}

  @Query(() => UpcomingInvoiceModel, {
    nullable: true,
    description:
      'Your (or, for admins, the user’s) monthly invoice so far; null when each session is invoiced at once',
  })
  @CheckAbility('read', 'Invoice')
  async billingUpcomingInvoice(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('userId', { type: () => ID, nullable: true, description: 'Admins: whose (default: yours)' })
    userId?: string,
  ): Promise<UpcomingInvoiceModel | null> {
    const target = userId ?? principal.userId;
    if (!canOn(ability, 'read', 'Invoice', { userId: target })) {
      throw new ForbiddenError(`You may not see the invoices of user ${target}`);
    }
    const draft = await this.upcoming.of(principal.tenantId, target);
    if (!draft) return null;
    const { period, ...rest } = draft;
    return { ...rest, period: period.key, periodStart: period.start, periodEnd: period.end };
  }
}
