import { DomainEvent } from '@csms/events';
import { SiteArea } from './models/site-area.model';

export const SITE_AREA_CHANGED = 'SiteAreaChanged';

/**
 * A site area was created, updated or deleted (`deleted`): its fuse, phases, parent or smart-charging
 * flag may have changed, so whatever plans for it (smart charging) looks again.
 */
export type SiteAreaChangedEvent = DomainEvent<
  typeof SITE_AREA_CHANGED,
  { siteArea: SiteArea; deleted?: boolean }
>;
