import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { NotFoundError } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { billingApiCall } from '../access/billing-api-errors';
import { ConnectedAccount, statusOf } from './connected-account';
import { ConnectedAccountService } from './connected-account.service';
import { CreateConnectedAccountInput } from './dto/create-connected-account.input';
import { OnboardingLinkArgs } from './dto/onboarding-link.args';
import {
  ConnectedAccountModel,
  ConnectedAccountOnboardingLinkModel,
  ConnectedAccountOwnerType,
  ConnectedAccountState,
} from './models/connected-account.model';

function toModel(account: ConnectedAccount): ConnectedAccountModel {
  return {
    ...account,
    ownerType: account.ownerType as ConnectedAccountOwnerType,
    status: statusOf(account) as ConnectedAccountState,
  };
}

/** Stripe Connect accounts of companies and sites (CASL `ConnectedAccount`: admins). */
@Resolver(() => ConnectedAccountModel)
export class ConnectedAccountResolver {
  constructor(private readonly accounts: ConnectedAccountService) {}

  @Query(() => [ConnectedAccountModel])
  @CheckAbility('list', 'ConnectedAccount')
  async billingConnectedAccounts(
    @CurrentPrincipal() principal: Principal,
    @Args('companyId', {
      type: () => ID,
      nullable: true,
      description: 'One company’s (its own and its sites’)',
    })
    companyId?: string,
  ): Promise<ConnectedAccountModel[]> {
    const accounts = await this.accounts.list(
      principal.tenantId,
      companyId ? { companyIds: [companyId] } : {},
    );
    return accounts.map(toModel);
  }

  @Mutation(() => ConnectedAccountModel, {
    description: 'Creates the Stripe Connect (Express) account of a company or site; then onboard it',
  })
  @CheckAbility('create', 'ConnectedAccount')
  async billingCreateConnectedAccount(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateConnectedAccountInput,
  ): Promise<ConnectedAccountModel> {
    return toModel(await billingApiCall(() => this.accounts.create(principal.tenantId, input)));
  }

  @Mutation(() => ConnectedAccountOnboardingLinkModel, {
    description: 'A fresh Stripe onboarding link for the account holder',
  })
  @CheckAbility('update', 'ConnectedAccount')
  async billingConnectedAccountOnboardingLink(
    @CurrentPrincipal() principal: Principal,
    @Args() args: OnboardingLinkArgs,
  ): Promise<ConnectedAccountOnboardingLinkModel> {
    const url = await billingApiCall(() =>
      this.accounts.onboardingLink(principal.tenantId, args.accountId, args),
    );
    return { url };
  }

  @Mutation(() => ConnectedAccountModel, { description: 'Reads the account’s state from Stripe again' })
  @CheckAbility('update', 'ConnectedAccount')
  async billingRefreshConnectedAccount(
    @CurrentPrincipal() principal: Principal,
    @Args('accountId', { type: () => ID }) accountId: string,
  ): Promise<ConnectedAccountModel> {
    const account = await billingApiCall(() => this.accounts.refresh(principal.tenantId, accountId));
    if (!account) throw new NotFoundError('Connected account', accountId);
    return toModel(account);
  }
}
