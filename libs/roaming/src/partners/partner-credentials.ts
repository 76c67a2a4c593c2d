import { SecretCipher, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { hashCredentialsToken, newCredentialsToken } from '../common/secrets/credentials-token';
import { ROAMING_PARTNER_UNREGISTERED } from './partner-events';
import { PartnerRegistry } from './partner-registry';
import { PartnerTokenRepository } from './partner-token.repository';
import { RoamingPartner } from './roaming-partner';
import { RoamingPartnerRepository } from './roaming-partner.repository';
import { PartnerTokenKind } from './schemas/partner-token.schema';

/**
 * The secrets of a partnership, kept the way the issue asks: our tokens (that partners present) as
 * digests only, theirs (that we present) encrypted. Every change empties the caches of every instance.
 */
@Injectable()
export class PartnerCredentials {
  constructor(
    private readonly partners: RoamingPartnerRepository,
    private readonly tokens: PartnerTokenRepository,
    private readonly registry: PartnerRegistry,
    private readonly box: SecretCipher,
  ) {}

  /** A new token of ours for the partner; only its digest is kept, the token itself is returned once. */
  async issue(tenantId: TenantId, partnerId: string, kind: PartnerTokenKind): Promise<string> {
    const token = newCredentialsToken();
    await this.tokens.add(tenantId, partnerId, hashCredentialsToken(token), kind);
    return token;
  }

  /** Forgets the partner's tokens of ours (of `kind`, or `except` one digest kept), everywhere. */
  async revoke(
    tenantId: TenantId,
    partnerId: string,
    options: { kind?: PartnerTokenKind; except?: string } = {},
  ) {
    const digests = (await this.tokens.digestsOf(tenantId, partnerId, options.kind)).filter(
      (digest) => digest !== options.except,
    );
    for (const digest of digests) await this.tokens.remove(tenantId, digest);
    await this.registry.changed(tenantId, partnerId, digests);
  }

  /** Forgets one token of ours (a replaced one). */
  async revokeToken(tenantId: TenantId, partnerId: string, token: string): Promise<void> {
    const digest = hashCredentialsToken(token);
    await this.tokens.remove(tenantId, digest);
    await this.registry.changed(tenantId, partnerId, [digest]);
  }

  seal(theirToken: string): string {
    return this.box.encrypt(theirToken);
  }

  /** The partner's token for calling it; undefined when we have none (not registered). */
  theirToken(partner: RoamingPartner): string | undefined {
    return partner.ocpi.outgoingToken ? this.box.decrypt(partner.ocpi.outgoingToken) : undefined;
  }
}

/** Ends a partnership on our side: its tokens stop working, we stop calling it, pending pushes are cancelled. */
@Injectable()
export class PartnerUnregistration {
  constructor(
    private readonly partners: RoamingPartnerRepository,
    private readonly credentials: PartnerCredentials,
    private readonly registry: PartnerRegistry,
    private readonly events: EventBus,
  ) {}

  async unregister(
    tenantId: TenantId,
    partnerId: string,
    lastError?: string,
  ): Promise<RoamingPartner | null> {
    await this.credentials.revoke(tenantId, partnerId);
    const updated = await this.partners.update(tenantId, partnerId, {
      $set: { status: 'UNREGISTERED', ...(lastError ? { lastError } : {}) },
      $unset: { 'ocpi.outgoingToken': 1 },
    });
    await this.registry.changed(tenantId, partnerId);
    await this.events.publish(domainEvent(ROAMING_PARTNER_UNREGISTERED, tenantId, { partnerId }));
    return updated;
  }
}
