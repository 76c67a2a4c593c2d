import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { RoamingToken } from '../../tokens/roaming-token';

/**
 * Our drivers as tokens (we are the eMSP): each badge an RFID token with its tag id as uid, each user an
 * APP_USER token with its user id as uid (for sessions started from the app). Contract ids carry what
 * they stand for, so that a 2.1.1 session's auth_id leads back to the driver: `<CC>-<PARTY>-C-<tag>`
 * for a badge, `<CC>-<PARTY>-U-<user>` for an app user.
 */
export function badgeContractId(identity: OcpiIdentity, tagId: string): string {
  return `${identity.countryCode}-${identity.partyId}-C-${tagId}`.slice(0, 36);
}

export function appUserContractId(identity: OcpiIdentity, userId: string): string {
  return `${identity.countryCode}-${identity.partyId}-U-${userId}`.slice(0, 36);
}

export function badgeToken(
  identity: OcpiIdentity,
  tag: { id: string; active: boolean; expiresAt?: Date; updatedAt?: Date },
  now: Date,
): RoamingToken {
  return {
    partnerId: '',
    countryCode: identity.countryCode,
    partyId: identity.partyId,
    uid: tag.id,
    type: 'RFID',
    contractId: badgeContractId(identity, tag.id),
    issuer: identity.businessName.slice(0, 64),
    valid: tag.active && !(tag.expiresAt && tag.expiresAt.getTime() <= now.getTime()),
    // Stations may let our drivers in from their lists; they ask us when they can.
    whitelist: 'ALLOWED',
    lastUpdated: tag.updatedAt ?? now,
  };
}

export function appUserToken(identity: OcpiIdentity, userId: string, now: Date): RoamingToken {
  return {
    partnerId: '',
    countryCode: identity.countryCode,
    partyId: identity.partyId,
    uid: userId,
    type: 'APP_USER',
    contractId: appUserContractId(identity, userId),
    issuer: identity.businessName.slice(0, 64),
    valid: true,
    // The spec recommends NEVER for app users: they are authorized when the session is started.
    whitelist: 'NEVER',
    lastUpdated: now,
  };
}

/** The badge or user a contract id of ours stands for. */
export function ownerOfContract(contractId: string): { tagId?: string; userId?: string } {
  const badge = /-C-(.+)$/.exec(contractId);
  if (badge) return { tagId: badge[1] };
  const user = /-U-(.+)$/.exec(contractId);
  return user ? { userId: user[1] } : {};
}
