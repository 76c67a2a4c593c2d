import { TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { TAG_CHANGED, TagChangedEvent, TagService } from '@csms/users';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { RoamingIdentityService } from '../../identity/roaming-identity.service';
import { Outbox } from '../../outbox/outbox';
import { PartnerRegistry } from '../../partners/partner-registry';
import { RoamingPartner, partnerActsAs } from '../../partners/roaming-partner';
import { RoamingToken } from '../../tokens/roaming-token';
import { OcpiRenderers } from '../outbox/ocpi-push';
import { tokenJson } from '../tokens/ocpi-token.mapper';
import { badgeToken } from './our-tokens';

/** Our token pushed to a CPO (neutral payload: the token). */
export const TOKEN_PUT = 'token.put';

const TOKENS_RECEIVER = { module: 'tokens', interfaceRole: 'RECEIVER' } as const;
const PAGE = 500;

/**
 * Our badges reach CPO partners as they change (PUT {tokens_endpoint}/{cc}/{pid}/{uid}?type=RFID, a
 * deleted badge as no longer valid), through the outbox; `pushAll` sends every badge to one partner.
 */
@Injectable()
export class EmspTokenPushes implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly renderers: OcpiRenderers,
    private readonly partners: PartnerRegistry,
    private readonly identities: RoamingIdentityService,
    private readonly tags: TagService,
    private readonly outbox: Outbox,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.renderers.register<RoamingToken>(TOKEN_PUT, TOKENS_RECEIVER, ({ version }, token) => ({
      method: 'PUT',
      ...TOKENS_RECEIVER,
      segments: [token.countryCode, token.partyId, token.uid],
      query: { type: token.type },
      body: tokenJson({ ...token, lastUpdated: new Date(token.lastUpdated) }, version),
    }));
    this.unsubscribe = this.events.subscribeOwn<TagChangedEvent>(TAG_CHANGED, async (event) => {
      const cpos = await this.cpos(event.tenantId);
      const identity = cpos.length ? await this.identities.find(event.tenantId) : null;
      if (!identity) return;
      const token = badgeToken(identity, event.payload.tag, new Date());
      await this.push(event.tenantId, cpos, event.payload.deleted ? { ...token, valid: false } : token);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Every badge to `partner`; how many. */
  async pushAll(partner: RoamingPartner): Promise<number> {
    const identity = await this.identities.require(partner.tenantId);
    let pushed = 0;
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await this.tags.changedBetween(partner.tenantId, { offset, limit: PAGE });
      const now = new Date();
      for (const tag of items) await this.push(partner.tenantId, [partner], badgeToken(identity, tag, now));
      pushed += items.length;
      if (items.length < PAGE) return pushed;
    }
  }

  private async cpos(tenantId: TenantId): Promise<RoamingPartner[]> {
    return (await this.partners.registeredOf(tenantId)).filter((partner) => partnerActsAs(partner, 'CPO'));
  }

  private push(tenantId: TenantId, partners: RoamingPartner[], token: RoamingToken): Promise<void> {
    return this.outbox.enqueue(tenantId, partners, {
      objectKey: `token:${token.uid}`,
      kind: TOKEN_PUT,
      payload: token,
    });
  }
}
