import { TenantId } from '@csms/common';
import { NotificationType } from './notification-type';

/** Who receives a message, in which language, on behalf of which tenant. */
export interface Recipient {
  tenantId: TenantId;
  tenantName: string;
  email: string;
  locale?: string;
  firstName?: string;
  /** Types the user switched off are not sent (mandatory ones always are). */
  disabled?: readonly NotificationType[];
}

/** Port implemented by the users module, so that this library never reads other modules' collections. */
export abstract class RecipientDirectory {
  /** The user as a recipient, or null when unknown or not reachable (inactive, blocked). */
  abstract findRecipient(tenantId: TenantId, userId: string): Promise<Recipient | null>;
  /** The tenant's admins, for operational messages (new user registered). */
  abstract findAdmins(tenantId: TenantId): Promise<Recipient[]>;
}
