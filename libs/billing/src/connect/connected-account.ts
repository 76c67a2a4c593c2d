/** Who a connected account pays out to: a company (all its sites) or one site. */
export type ConnectedAccountOwner = 'COMPANY' | 'SITE';

/**
 * PENDING: created, its holder has not completed onboarding; RESTRICTED: onboarded but the provider
 * does not let it receive transfers yet; ACTIVE: transfers reach it.
 */
export type ConnectedAccountStatus = 'PENDING' | 'RESTRICTED' | 'ACTIVE';

/** A Stripe Connect account of a company or site, its state as last read from the provider. */
export interface ConnectedAccount {
  /** The provider's account id (acct_…). */
  id: string;
  tenantId: string;
  ownerType: ConnectedAccountOwner;
  /** The company's or site's id. */
  ownerId: string;
  /** The company of the owner (the site's company, or the company itself): what its users may see. */
  companyId: string;
  /** The owner's site when it is a site. */
  siteId?: string;
  name: string;
  email?: string;
  country?: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  transfersEnabled: boolean;
  createdAt?: Date;
  updatedAt?: Date;
}

export function statusOf(
  account: Pick<ConnectedAccount, 'detailsSubmitted' | 'transfersEnabled'>,
): ConnectedAccountStatus {
  if (account.transfersEnabled) return 'ACTIVE';
  return account.detailsSubmitted ? 'RESTRICTED' : 'PENDING';
}
