import { Tag } from '@csms/users';
import { authorizationOfTag } from '../tags/tag-authorization';
import { LocalListEntry } from '../ports/station-commands.port';

/**
 * One entry of a station's local authorization list. A tag the tenant does not have is sent as
 * Invalid in a full list, and without idTagInfo in a differential one, which removes it.
 */
export function toLocalListEntry(
  idTag: string,
  tag: Tag | null,
  updateType: 'Full' | 'Differential',
  now: Date,
): LocalListEntry {
  if (!tag) return updateType === 'Full' ? { idTag, status: 'Invalid' } : { idTag };
  return { idTag, ...authorizationOfTag(tag, now) };
}
