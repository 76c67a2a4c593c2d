import { DomainEvent } from '@csms/events';
import { Tag } from './models/tag.model';

export const TAG_CHANGED = 'TagChanged';

/** A badge was created, updated or deleted (`deleted`: true). */
export type TagChangedEvent = DomainEvent<typeof TAG_CHANGED, { tag: Tag; deleted?: boolean }>;
