import { DomainEvent } from '@csms/events';

/** Credentials were exchanged (first registration or an update): pushes to the partner may flow. */
export const ROAMING_PARTNER_REGISTERED = 'RoamingPartnerRegistered';
/** The partner is no longer connected (either side unregistered, or it was deleted): nothing more goes to it. */
export const ROAMING_PARTNER_UNREGISTERED = 'RoamingPartnerUnregistered';

export type RoamingPartnerLifecycleEvent = DomainEvent<
  typeof ROAMING_PARTNER_REGISTERED | typeof ROAMING_PARTNER_UNREGISTERED,
  { partnerId: string }
>;
