import { Tag } from '@csms/users';

export type TagAuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';

export interface TagAuthorization {
  status: TagAuthorizationStatus;
  expiryDate?: Date;
  parentIdTag?: string;
}

/**
 * What a station is told about a badge (OCPP idTagInfo): unknown → Invalid, inactive → Blocked,
 * past its expiry → Expired; the expiry and group (parentIdTag) are passed on either way.
 */
export function authorizationOfTag(tag: Tag | null | undefined, now: Date): TagAuthorization {
  if (!tag) return { status: 'Invalid' };
  const details = {
    ...(tag.expiresAt ? { expiryDate: tag.expiresAt } : {}),
    ...(tag.parentTagId ? { parentIdTag: tag.parentTagId } : {}),
  };
  if (!tag.active) return { status: 'Blocked', ...details };
  if (tag.expiresAt && tag.expiresAt.getTime() <= now.getTime()) return { status: 'Expired', ...details };
  return { status: 'Accepted', ...details };
}
