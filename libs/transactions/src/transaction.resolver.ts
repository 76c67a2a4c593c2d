import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { Connection, ConnectionArgs, NotFoundError } from '@csms/common';
import { EventBus } from '@csms/events';
import { CommandResultModel } from '@csms/stations';
import { SessionPriceModel, TariffModel, presentSessionPrice } from '@csms/pricing';
import { User } from '@csms/users';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { TransactionFilter } from './dto/transaction-filter.input';
import {
  CONSUMPTION_ADDED,
  ConsumptionAddedEvent,
  TRANSACTION_STARTED,
  TRANSACTION_STOPPED,
  TRANSACTION_UPDATED,
  TransactionEvent,
} from './events/transaction-events';
import { TransactionLoaderFactory } from './loaders/transaction-loaders';
import { Consumption } from './models/consumption.model';
import { TransactionConnection } from './models/transaction-connection.model';
import { Transaction } from './models/transaction.model';
import { SessionPricingService } from './pricing/session-pricing.service';
import { TransactionQueryService } from './transaction-query.service';

@Resolver(() => Transaction)
export class TransactionResolver {
  constructor(
    private readonly sessions: TransactionQueryService,
    private readonly loaders: TransactionLoaderFactory,
    private readonly events: EventBus,
    private readonly pricing: SessionPricingService,
  ) {}

  @Query(() => Transaction, { nullable: true })
  @CheckAbility('read', 'Transaction')
  transaction(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Transaction | null> {
    return this.sessions.findReadable(principal, ability, id);
  }

  @Query(() => TransactionConnection, {
    description: 'Newest first; basic users see their own sessions only',
  })
  @CheckAbility('list', 'Transaction')
  transactions(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: ConnectionArgs,
    @Args('filter', { type: () => TransactionFilter, nullable: true }) filter?: TransactionFilter,
  ): Promise<Connection<Transaction>> {
    return this.sessions.page(principal, ability, filter, args);
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('stop', 'Transaction')
  remoteStopTransaction(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('transactionId', { type: () => ID }) transactionId: string,
  ): Promise<CommandResultModel> {
    return this.sessions.remoteStop(principal, ability, transactionId);
  }

  @ResolveField(() => [Consumption], { description: 'The charging curve, oldest first' })
  consumptions(
    @Parent() transaction: Transaction,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<Consumption[]> {
    return this.loaders.forRequest(request, principal.tenantId, ability).consumptions.load(transaction.id);
  }

  @ResolveField(() => ID, {
    nullable: true,
    description: "The badge used; null for callers who may not see the driver (demo users, others' sessions)",
  })
  tagId(@Parent() transaction: Transaction, @CurrentAbility() ability: AppAbility): string | null {
    if (!transaction.tagId) return null;
    return canOn(ability, 'read', 'User', { id: transaction.userId }) ? transaction.tagId : null;
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the caller may stop this session (while it is active)',
  })
  canStop(@Parent() transaction: Transaction, @CurrentAbility() ability: AppAbility | undefined): boolean {
    return transaction.active && canOn(ability, 'stop', 'Transaction', transaction);
  }

  @ResolveField(() => User, { nullable: true })
  async user(
    @Parent() transaction: Transaction,
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Context('req') request: object,
  ): Promise<User | null> {
    if (!transaction.userId) return null;
    return this.loaders.forRequest(request, principal.tenantId, ability).users.load(transaction.userId);
  }

  @ResolveField(() => SessionPriceModel, {
    nullable: true,
    description: 'Live while active (as if it stopped now), final once stopped; null when no tariff applied',
  })
  price(@Parent() transaction: Transaction): SessionPriceModel | null {
    return transaction.price ? presentSessionPrice(transaction.price) : null;
  }

  @ResolveField(() => TariffModel, {
    nullable: true,
    description: 'The tariff as it was when the session started (later edits do not change it)',
  })
  tariff(@Parent() transaction: Transaction): TariffModel | null {
    return transaction.tariff ?? null;
  }

  @ResolveField(() => SessionPriceModel, {
    nullable: true,
    description:
      'The price recomputed now from the frozen tariff and the stored meter data (agrees with price)',
  })
  async recomputedPrice(
    @Parent() transaction: Transaction,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionPriceModel | null> {
    const price = await this.pricing.recompute(principal.tenantId, transaction);
    return price ? presentSessionPrice(price) : null;
  }

  @Subscription(() => Consumption, {
    description: 'The live charging curve of a session',
    resolve: (event: ConsumptionAddedEvent) => event.payload.consumption,
  })
  @CheckAbility('read', 'Transaction')
  async consumptionAdded(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('transactionId', { type: () => ID }) transactionId: string,
  ): Promise<AsyncIterableIterator<ConsumptionAddedEvent>> {
    if (!(await this.sessions.findReadable(principal, ability, transactionId))) {
      throw new NotFoundError('Transaction', transactionId);
    }
    return this.events.iterate<ConsumptionAddedEvent>(
      [CONSUMPTION_ADDED],
      (event) => event.tenantId === principal.tenantId && event.payload.transactionId === transactionId,
    );
  }

  @Subscription(() => Transaction, {
    description:
      'Sessions starting, progressing and stopping (at one station when chargingStationId is given)',
    resolve: (event: TransactionEvent) => event.payload,
  })
  @CheckAbility('list', 'Transaction')
  transactionUpdated(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('chargingStationId', { type: () => ID, nullable: true }) chargingStationId?: string,
  ): AsyncIterableIterator<TransactionEvent> {
    return this.events.iterate<TransactionEvent>(
      [TRANSACTION_STARTED, TRANSACTION_UPDATED, TRANSACTION_STOPPED],
      (event) =>
        event.tenantId === principal.tenantId &&
        (!chargingStationId || event.payload.chargingStationId === chargingStationId) &&
        canOn(ability, 'read', 'Transaction', event.payload),
    );
  }
}
