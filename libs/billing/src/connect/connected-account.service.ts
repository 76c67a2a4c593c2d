import { BadInputError, NotFoundError, TenantId } from '@csms/common';
import { FrontendLinks } from '@csms/notifications';
import { OrganizationDirectory } from '@csms/organizations';
import { StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { ConnectedAccount, ConnectedAccountOwner } from './connected-account';
import { ConnectedAccountRepository } from './connected-account.repository';

export interface ConnectedAccountRequest {
  companyId?: string;
  siteId?: string;
  email?: string;
  /** ISO 3166-1 alpha-2; the provider's default (the platform's country) when absent. */
  country?: string;
}

/** Called when an account becomes able to receive transfers (waiting transfers are sent then). */
type ActivationListener = (tenantId: TenantId, account: ConnectedAccount) => Promise<void>;

/**
 * Stripe Connect accounts of companies and sites: created at the provider (one per owner, the request
 * keyed by the owner so a retried creation is the same account), onboarded through provider-hosted
 * links, their state mirrored here (on request and on `account.updated`).
 */
@Injectable()
export class ConnectedAccountService {
  private readonly activationListeners: ActivationListener[] = [];

  constructor(
    private readonly accounts: ConnectedAccountRepository,
    private readonly settings: BillingSettingsService,
    private readonly organizations: OrganizationDirectory,
    private readonly placements: StationPlacementService,
    private readonly links: FrontendLinks,
  ) {}

  list(tenantId: TenantId, filter: { companyIds?: string[] } = {}): Promise<ConnectedAccount[]> {
    return this.accounts.list(tenantId, filter);
  }

  async get(tenantId: TenantId, accountId: string): Promise<ConnectedAccount> {
    const account = await this.accounts.findById(tenantId, accountId);
    if (!account) throw new NotFoundError('Connected account', accountId);
    return account;
  }

  async create(tenantId: TenantId, request: ConnectedAccountRequest): Promise<ConnectedAccount> {
    const owner = await this.ownerOf(tenantId, request);
    if (await this.accounts.ofOwner(tenantId, owner.ownerType, owner.ownerId)) {
      throw new BadInputError(`This ${owner.ownerType.toLowerCase()} already has a connected account`, {
        field: owner.ownerType === 'SITE' ? 'siteId' : 'companyId',
      });
    }
    const access = await this.settings.gateway(tenantId);
    const id = await access.gateway.createConnectedAccount({
      email: request.email,
      country: request.country,
      businessName: owner.name,
      metadata: { tenantId, ownerType: owner.ownerType, ownerId: owner.ownerId },
      idempotencyKey: `${tenantId}:account:${owner.ownerType}:${owner.ownerId}`,
    });
    const state = await access.gateway.getConnectedAccount(id);
    return this.accounts.create(tenantId, {
      ...owner,
      ...state,
      id,
      email: request.email,
      country: request.country,
    });
  }

  /** A provider-hosted page where the account holder completes their details (expires within minutes). */
  async onboardingLink(
    tenantId: TenantId,
    accountId: string,
    urls: { refreshUrl?: string; returnUrl?: string },
  ): Promise<string> {
    const account = await this.get(tenantId, accountId);
    const access = await this.settings.gateway(tenantId);
    const page = (step: string) =>
      this.links.to(tenantId, '/billing/connected-accounts', { accountId: account.id, step });
    return access.gateway.createOnboardingLink(account.id, {
      refreshUrl: urls.refreshUrl ?? page('refresh'),
      returnUrl: urls.returnUrl ?? page('return'),
    });
  }

  /** Reads the account's state from the provider (after onboarding, on `account.updated`). */
  async refresh(tenantId: TenantId, accountId: string): Promise<ConnectedAccount | null> {
    const known = await this.accounts.findById(tenantId, accountId);
    if (!known) return null;
    const access = await this.settings.gateway(tenantId);
    const updated = await this.accounts.setState(
      tenantId,
      await access.gateway.getConnectedAccount(accountId),
    );
    if (updated?.transfersEnabled) {
      for (const listener of this.activationListeners) await listener(tenantId, updated);
    }
    return updated;
  }

  onActivation(listener: ActivationListener): void {
    this.activationListeners.push(listener);
  }

  async hasAccounts(tenantId: TenantId): Promise<boolean> {
    return (await this.accounts.count(tenantId)) > 0;
  }

  /** Where a session's money goes: the account of its station's site, else of the site's company. */
  async destinationOf(tenantId: TenantId, chargingStationId: string): Promise<ConnectedAccount | null> {
    const [station] = await this.placements.findMany(tenantId, [chargingStationId]);
    if (!station?.siteId) return null;
    const site = await this.organizations.site(tenantId, station.siteId);
    if (!site) return null;
    return (
      (await this.accounts.ofOwner(tenantId, 'SITE', site.id)) ??
      (await this.accounts.ofOwner(tenantId, 'COMPANY', site.companyId))
    );
  }

  private async ownerOf(
    tenantId: TenantId,
    request: ConnectedAccountRequest,
  ): Promise<{
    ownerType: ConnectedAccountOwner;
    ownerId: string;
    companyId: string;
    siteId?: string;
    name: string;
  }> {
    if (!!request.siteId === !!request.companyId) {
      throw new BadInputError('Name either a company (companyId) or a site (siteId)', { field: 'siteId' });
    }
    if (request.siteId) {
      const site = await this.organizations.site(tenantId, request.siteId);
      if (!site) throw new NotFoundError('Site', request.siteId);
      return {
        ownerType: 'SITE',
        ownerId: site.id,
        companyId: site.companyId,
        siteId: site.id,
        name: site.name,
      };
    }
    const [company] = await this.organizations.companyNames(tenantId, [request.companyId!]);
    if (!company) throw new NotFoundError('Company', request.companyId!);
    return { ownerType: 'COMPANY', ownerId: company.id, companyId: company.id, name: company.name };
  }
}
