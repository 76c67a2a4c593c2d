import { Tariff } from '../model/tariff';
import { TariffAssignment } from '../model/tariff-assignment';

/** Which tariff applies to a session, why, and on which clock it is read. */
export interface TariffResolutionResult {
  tariff?: Tariff;
  assignment?: TariffAssignment;
  reason: string;
  /** The site's time zone (or the tenant's default): where restrictions are evaluated. */
  timeZone: string;
}

/** What a session is resolved for. */
export interface TariffQuery {
  chargingStationId: string;
  /** Absent (Authorize before a connector is chosen): connector-level assignments are left out. */
  connectorId?: number;
  tagId?: string;
  /** The driver, when known without the tag (e.g. from the tag already read). */
  userId?: string;
  at: Date;
}
