import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { billingApiCall } from '../access/billing-api-errors';
import { billingUserOf } from '../access/billing-user';
import { BillingAccountService } from './billing-account.service';
import { PaymentMethod } from './models/payment-method.model';
import { SetupIntentPayload } from './models/setup-intent-payload.model';

const USER_ID = {
  name: 'userId',
  type: () => ID,
  nullable: true,
  description: 'Admins: whose (default: yours)',
};

/** Drivers' cards: basic users act on their own account, admins on anyone's (CASL `BillingAccount`). */
@Resolver()
export class BillingAccountResolver {
  constructor(private readonly accounts: BillingAccountService) {}

  @Query(() => [PaymentMethod])
  @CheckAbility('read', 'BillingAccount')
  billingPaymentMethods(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(USER_ID) userId?: string,
  ): Promise<PaymentMethod[]> {
    const target = billingUserOf(principal, ability, 'read', userId);
    return billingApiCall(() => this.accounts.paymentMethods(principal.tenantId, target));
  }

  @Mutation(() => SetupIntentPayload, {
    description: 'Starts adding a card: the client secret goes to Stripe.js, then billingAttachPaymentMethod',
  })
  @CheckAbility('create', 'BillingAccount')
  billingSetupPaymentMethod(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(USER_ID) userId?: string,
  ): Promise<SetupIntentPayload> {
    const target = billingUserOf(principal, ability, 'create', userId);
    return billingApiCall(() => this.accounts.setupPaymentMethod(principal.tenantId, target));
  }

  @Mutation(() => PaymentMethod, { description: 'Attaches a collected card and makes it the default' })
  @CheckAbility('create', 'BillingAccount')
  billingAttachPaymentMethod(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('paymentMethodId', { type: () => ID }) paymentMethodId: string,
    @Args(USER_ID) userId?: string,
  ): Promise<PaymentMethod> {
    const target = billingUserOf(principal, ability, 'create', userId);
    return billingApiCall(() =>
      this.accounts.attachPaymentMethod(principal.tenantId, target, paymentMethodId),
    );
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'BillingAccount')
  async billingDeletePaymentMethod(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('paymentMethodId', { type: () => ID }) paymentMethodId: string,
    @Args(USER_ID) userId?: string,
  ): Promise<boolean> {
    const target = billingUserOf(principal, ability, 'delete', userId);
    await billingApiCall(() =>
      this.accounts.deletePaymentMethod(principal.tenantId, target, paymentMethodId),
    );
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Creates (or re-creates) the customer and refreshes its details and cards',
  })
  @CheckAbility('update', 'BillingAccount')
  async billingSynchronizeUser(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(USER_ID) userId?: string,
  ): Promise<boolean> {
    const target = billingUserOf(principal, ability, 'update', userId);
    await billingApiCall(() => this.accounts.synchronize(principal.tenantId, target));
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Free access: the user is never billed nor asked for a card at the station (admins)',
  })
  @CheckAbility('update', 'BillingSettings')
  async billingSetFreeAccess(
    @CurrentPrincipal() principal: Principal,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('freeAccess') freeAccess: boolean,
  ): Promise<boolean> {
    await billingApiCall(() => this.accounts.setFreeAccess(principal.tenantId, userId, freeAccess));
    return true;
  }

  @Mutation(() => Int, {
    description: 'Synchronizes every user that has a customer; the number synchronized',
  })
  @CheckAbility('update', 'BillingSettings')
  billingSynchronizeUsers(@CurrentPrincipal() principal: Principal): Promise<number> {
    return billingApiCall(() => this.accounts.synchronizeAll(principal.tenantId));
  }
}
