import { BadInputError } from '@csms/common';
import { AssetReadingInput } from '../dto/asset-reading.input';
import { AssetType } from '../models/asset-type';
import { StoredReading } from '../schemas/asset.schema';

/** Meters' clocks drift; a reading further ahead than this is refused. */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
/** How far the phases may add up differently from the total: meters round each figure. */
const PHASE_SUM_TOLERANCE = 0.02;
const PHASE_SUM_MIN_TOLERANCE_WATTS = 50;

const OPTIONAL_FIELDS = [
  'wattsL1',
  'wattsL2',
  'wattsL3',
  'ampsL1',
  'ampsL2',
  'ampsL3',
  'voltsL1',
  'voltsL2',
  'voltsL3',
  'stateOfCharge',
] as const;

/**
 * What is stored of a pushed or pulled reading, after the checks the field decorators cannot make:
 * not in the future, phases adding up to the total, a state of charge only from a battery.
 */
export function validatedReading(type: AssetType, input: AssetReadingInput, now: Date): StoredReading {
  const timestamp = input.timestamp ?? now;
  if (Number.isNaN(timestamp.getTime()))
    throw new BadInputError('timestamp is not a date', { field: 'timestamp' });
  if (timestamp.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    throw new BadInputError('timestamp is in the future', { field: 'timestamp' });
  }
  const phases = [input.wattsL1, input.wattsL2, input.wattsL3];
  if (phases.every((value) => value !== undefined && value !== null)) {
    const sum = phases.reduce<number>((total, value) => total + (value ?? 0), 0);
    const tolerance = Math.max(Math.abs(input.watts) * PHASE_SUM_TOLERANCE, PHASE_SUM_MIN_TOLERANCE_WATTS);
    if (Math.abs(sum - input.watts) > tolerance) {
      throw new BadInputError(`wattsL1 + wattsL2 + wattsL3 (${sum}) must add up to watts (${input.watts})`, {
        field: 'watts',
      });
    }
  }
  if (input.stateOfCharge !== undefined && input.stateOfCharge !== null && type !== AssetType.BATTERY) {
    throw new BadInputError('Only a battery reports a state of charge', { field: 'stateOfCharge' });
  }
  const reading: StoredReading = { timestamp, watts: input.watts };
  for (const field of OPTIONAL_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== null) reading[field] = value;
  }
  return reading;
}
