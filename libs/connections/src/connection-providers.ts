import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { OAuth2Provider } from './oauth2/oauth2-provider';

/** How a kind of connection finds its authorization server in a tenant (the tenant's settings). */
export type ProviderLookup = (tenantId: TenantId) => Promise<OAuth2Provider>;

/** The kinds of connection the modules offer; each module registers its own in onModuleInit. */
@Injectable()
export class ConnectionProviders {
  private readonly lookups = new Map<string, ProviderLookup>();

  register(kind: string, lookup: ProviderLookup): void {
    if (this.lookups.has(kind)) throw new Error(`Two providers for the connection kind ${kind}`);
    this.lookups.set(kind, lookup);
  }

  provider(tenantId: TenantId, kind: string): Promise<OAuth2Provider> {
    const lookup = this.lookups.get(kind);
    if (!lookup) throw new Error(`No provider for the connection kind ${kind}`);
    return lookup(tenantId);
  }
}
