import { OcpiCdrPricing, Tariff } from '@csms/pricing';
import { RoamingSession } from '../sessions/roaming-session';

/**
 * The charge detail record of a completed roaming session at our stations, as the eMSP whose token
 * started it is sent it: the session as it ended, the tariff frozen on it (our tariffs are OCPI
 * tariffs) and the priced part our engine computed, so `total_cost` is what we charge. Its id is the
 * session's: one CDR per session.
 */
export interface RoamingCdr {
  id: string;
  partnerId: string;
  session: RoamingSession;
  tariff?: Tariff;
  pricing: OcpiCdrPricing;
  lastUpdated: Date;
}
