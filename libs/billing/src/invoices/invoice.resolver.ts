import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection, ConnectionArgs, ForbiddenError, NotFoundError } from '@csms/common';
import { DomainEvent, EventBus } from '@csms/events';
import { Args, ArgsType, Field, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Invoice } from './invoice';
import { INVOICE_UPDATED } from './invoice-events';
import { InvoiceRepository } from './invoice.repository';
import { InvoiceConnection, InvoiceModel } from './models/invoice.model';

@ArgsType()
class InvoicesArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Whose invoices (admins; default: all for admins, yours otherwise)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  userId?: string;
}

/** Invoices from the local copy: drivers see their own, admins everyone's. */
@Resolver(() => InvoiceModel)
export class InvoiceResolver {
  constructor(
    private readonly repository: InvoiceRepository,
    private readonly events: EventBus,
  ) {}

  @Subscription(() => InvoiceModel, {
    description:
      'Invoices created or changed (paid, payment failed) that you may see: your own, or all for admins',
    resolve: (event: DomainEvent) => event.payload,
  })
  @CheckAbility('list', 'Invoice')
  invoiceUpdated(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): AsyncIterableIterator<DomainEvent> {
    return this.events.iterate<DomainEvent<string, Invoice>>(
      [INVOICE_UPDATED],
      (event) => event.tenantId === principal.tenantId && canOn(ability, 'read', 'Invoice', event.payload),
    );
  }

  @Query(() => InvoiceConnection)
  @CheckAbility('list', 'Invoice')
  invoices(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: InvoicesArgs,
  ): Promise<Connection<InvoiceModel>> {
    let userId = args.userId;
    if (userId) {
      if (!canOn(ability, 'list', 'Invoice', { userId })) {
        throw new ForbiddenError(`You may not see the invoices of user ${userId}`);
      }
    } else if (!canOn(ability, 'list', 'Invoice', { userId: '' })) {
      // Not allowed everyone's: one's own.
      userId = principal.userId;
    }
    return this.repository.page(principal.tenantId, { userId }, args);
  }

  @Query(() => InvoiceModel)
  @CheckAbility('read', 'Invoice')
  async invoice(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InvoiceModel> {
    const invoice = await this.repository.findById(principal.tenantId, id);
    if (!invoice || !canOn(ability, 'read', 'Invoice', invoice)) throw new NotFoundError('Invoice', id);
    return invoice;
  }
}
