import { AnyBulkWriteOperation, FilterQuery } from 'mongoose';
import { ChargingStationDocument } from './schemas/charging-station.schema';

/** One queued `$set` on one station document. */
export interface StationWrite {
  id: string;
  filter: FilterQuery<ChargingStationDocument>;
  set: Record<string, unknown>;
}

/** Whether two field paths touch the same data (equal, or one inside the other). */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * A batch's writes as bulk operations, the writes to one station folded into one (later values
 * win): under load a station's connection, boot and status often queue in the same batch, and
 * every update statement rewrites the whole document. A write whose paths nest in an earlier one's
 * (`a` and `a.b`) stays a statement of its own, after it.
 */
export function foldStationWrites(writes: StationWrite[]): AnyBulkWriteOperation<ChargingStationDocument>[] {
  const folded: StationWrite[] = [];
  const latest = new Map<string, StationWrite>();
  for (const write of writes) {
    const earlier = latest.get(write.id);
    const keys = Object.keys(write.set);
    const foldable =
      earlier &&
      Object.keys(earlier.set).every((key) => keys.every((other) => key === other || !overlaps(key, other)));
    if (earlier && foldable) {
      Object.assign(earlier.set, write.set);
      continue;
    }
    const own = { ...write, set: { ...write.set } };
    folded.push(own);
    latest.set(write.id, own);
  }
  return folded.map(({ filter, set }) => ({ updateOne: { filter, update: { $set: set } } }));
}
