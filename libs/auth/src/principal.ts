import { TenantId } from '@csms/common';
import { Role } from './role';

/** Who is calling: resolved from a verified token on every request and subscription. */
export interface Principal {
  userId: string;
  tenantId: TenantId;
  role: Role;
  email: string;
}

/** Port implemented by the users module: loads the principal a token names, or null when it is no longer valid. */
export abstract class PrincipalLookup {
  abstract findPrincipal(tenantId: TenantId, userId: string, tokenVersion: number): Promise<Principal | null>;
}
