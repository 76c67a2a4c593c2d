import { SampledValue } from '../ports/transaction-inbound.port';
import { ConsumptionPoint } from './consumption-math';

/** A curve point's figures: the point without its time, which is a field of its own (queries sort on it). */
export type PointFigures = Omit<ConsumptionPoint, 'timestamp'>;

/** What `pointJson` holds. */
interface StoredPoint {
  figures: PointFigures;
  sampledValues: SampledValue[];
}

/**
 * A curve point's figures and raw samples as one JSON text. On the embedded database every field of a
 * document costs per point written (the durable floor storing four more numeric fields ran 13 % slower),
 * and no query filters on the figures: they are read with their point. Fields are kept for what queries
 * filter and sort on (tenant, session, station, time).
 */
export function pointJsonOf(point: ConsumptionPoint, sampledValues: readonly SampledValue[]): string {
  // The time blanked in a copy (JSON leaves it out), not taken out by an object rest: a rest copies
  // field by field, per point written.
  return JSON.stringify({ figures: { ...point, timestamp: undefined }, sampledValues });
}

export function figuresOfPointJson(pointJson: string): PointFigures {
  return (JSON.parse(pointJson) as StoredPoint).figures;
}
