import { mongo } from 'mongoose';

// Long enough for a database still busy with what the server left queued on a loaded machine.
const STORED_CHECK_TIMEOUT_MS = 180_000;

export interface StoredCheck {
  /** Consumptions of the benchmark's stations in the database (start/stop points included, if any). */
  stored: number;
  /** Acknowledged samples found stored, matched by station and timestamp. */
  matched: number;
  missing: number;
  stationsMissingSamples: number;
  ok: boolean;
  /** Set when the database could not be read: nothing is known about what is stored. */
  error?: string;
}

/**
 * Looks up, straight in the database, the consumption (curve point) of every acknowledged MeterValues,
 * by station and sample timestamp: a count alone could hide a lost sample behind an extra point.
 */
export async function checkStoredSamples(
  databaseUri: string,
  tenantId: string,
  acknowledgedByStation: ReadonlyMap<string, readonly number[]>,
): Promise<StoredCheck> {
  // A database that stopped answering must fail the check, not hang the benchmark.
  const client = new mongo.MongoClient(databaseUri, {
    directConnection: true,
    serverSelectionTimeoutMS: 10_000,
    socketTimeoutMS: STORED_CHECK_TIMEOUT_MS,
  });
  try {
    await client.connect();
    const storedByStation = new Map<string, Set<number>>();
    const cursor = client
      .db()
      .collection<{ chargingStationId: string; timestamp: Date }>('consumptions')
      .find(
        { tenantId, chargingStationId: { $in: [...acknowledgedByStation.keys()] } },
        { projection: { _id: 0, chargingStationId: 1, timestamp: 1 }, maxTimeMS: STORED_CHECK_TIMEOUT_MS },
      );
    let stored = 0;
    for await (const doc of cursor) {
      stored++;
      let timestamps = storedByStation.get(doc.chargingStationId);
      if (!timestamps) storedByStation.set(doc.chargingStationId, (timestamps = new Set()));
      timestamps.add(new Date(doc.timestamp).getTime());
    }
    let matched = 0;
    let missing = 0;
    let stationsMissingSamples = 0;
    for (const [stationId, acknowledged] of acknowledgedByStation) {
      const timestamps = storedByStation.get(stationId) ?? new Set<number>();
      const found = acknowledged.filter((timestampMs) => timestamps.has(timestampMs)).length;
      matched += found;
      missing += acknowledged.length - found;
      if (found < acknowledged.length) stationsMissingSamples++;
    }
    return { stored, matched, missing, stationsMissingSamples, ok: missing === 0 };
  } finally {
    await client.close();
  }
}
