import { DomainEvent } from '@csms/events';

/** An EVSE of a CPO partner changed status (or appeared): drivers' maps follow it live. */
export const PARTNER_EVSE_STATUS_CHANGED = 'PartnerEvseStatusChanged';

export type PartnerEvseStatusChangedEvent = DomainEvent<
  typeof PARTNER_EVSE_STATUS_CHANGED,
  { partnerId: string; locationId: string; evseUid: string; status: string }
>;
