import { DomainEvent } from '@csms/events';
import { Site } from './models/site.model';

export const SITE_CHANGED = 'SiteChanged';

/** A site was created, updated (name, address, position, hours, public) or deleted (`deleted`: true). */
export type SiteChangedEvent = DomainEvent<typeof SITE_CHANGED, { site: Site; deleted?: boolean }>;
