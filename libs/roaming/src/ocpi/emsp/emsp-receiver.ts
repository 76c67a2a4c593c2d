import { partnerOwnsParty } from '../../partners/roaming-partner';
import { OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiError } from '../protocol/ocpi-error';
import { OcpiStatus } from '../protocol/ocpi-status';
import { OcpiVersion } from '../protocol/ocpi-version';

/** A client-owned object may only be pushed or read under one of the pushing partner's own parties. */
export function ownParty(
  context: OcpiRequestContext,
  countryCode: string,
  partyId: string,
  status: number = OcpiStatus.CLIENT_ERROR,
): void {
  if (!partnerOwnsParty(context.partner, countryCode, partyId)) {
    throw OcpiError.notFound(`${countryCode}/${partyId} is not one of your parties`, status);
  }
}

/** The object pushed at a URL must be the one the URL names (transport_and_format: 2001 otherwise). */
export function sameId(urlId: string, objectId: unknown, what: string): void {
  if (typeof objectId !== 'string' || objectId.toUpperCase() !== urlId.toUpperCase()) {
    throw OcpiError.invalidParameters(`the ${what} id in the body differs from the URL`);
  }
}

export function versionOf(context: OcpiRequestContext): OcpiVersion {
  return context.version as OcpiVersion;
}

/** Deep merge of a PATCH into an object: fields replace, nested objects merge. */
export function merged(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = result[key];
    result[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? merged(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return result;
}
