import { AssetReadingInput } from '../dto/asset-reading.input';
import { StoredConnector } from '../schemas/asset.schema';
import { dateAt, numberAt } from './json-path';

const POWER_FIELDS = ['watts', 'wattsL1', 'wattsL2', 'wattsL3'] as const;
const PLAIN_FIELDS = [
  'ampsL1',
  'ampsL2',
  'ampsL3',
  'voltsL1',
  'voltsL2',
  'voltsL3',
  'stateOfCharge',
] as const;

/** Why a meter's answer gives no reading. */
export class MeterMappingError extends Error {}

/**
 * A meter's JSON as a reading, through the connector's mapping: power figures scaled by its power
 * factor (a meter in kW: 1000). The total is required; a field mapped but absent is left out.
 */
export function readingFromMeter(
  document: unknown,
  connector: Pick<StoredConnector, 'mapping' | 'powerFactor'>,
): AssetReadingInput {
  const { mapping, powerFactor } = connector;
  const watts = numberAt(document, mapping.watts);
  if (watts === undefined)
    throw new MeterMappingError(`No number at "${mapping.watts}" in the meter's answer`);
  const reading: AssetReadingInput = { watts: watts * powerFactor };
  for (const field of POWER_FIELDS) {
    const path = mapping[field];
    const value = path ? numberAt(document, path) : undefined;
    if (field !== 'watts' && value !== undefined) reading[field] = value * powerFactor;
  }
  for (const field of PLAIN_FIELDS) {
    const path = mapping[field];
    const value = path ? numberAt(document, path) : undefined;
    if (value !== undefined) reading[field] = value;
  }
  if (mapping.timestamp) {
    const timestamp = dateAt(document, mapping.timestamp);
    if (!timestamp) throw new MeterMappingError(`No time at "${mapping.timestamp}" in the meter's answer`);
    reading.timestamp = timestamp;
  }
  return reading;
}
