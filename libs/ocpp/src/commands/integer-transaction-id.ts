import { BadInputError } from '@csms/common';
import { ChargingProfileInput } from '@csms/stations/ports/station-commands.port';

/** OCPP 1.x knows integer transaction ids only: the profile's, given either way. */
export function integerTransactionId(profile: ChargingProfileInput): number | undefined {
  if (profile.ocppTransactionId === undefined) return profile.transactionId;
  const id = Number(profile.ocppTransactionId);
  if (!Number.isSafeInteger(id)) {
    throw new BadInputError(`OCPP 1.x transaction ids are integers, got "${profile.ocppTransactionId}"`);
  }
  return id;
}
