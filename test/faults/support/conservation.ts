import { mongo } from 'mongoose';
import { Acknowledged, FaultStation } from './fault-station';
import { ConnectorState } from './station-dialects';

/** Acknowledged data frames of one kind, and what the database holds of them. */
export interface FrameCount {
  acknowledged: number;
  /** Found stored exactly as acknowledged (once, or more: then the extra copies are duplicates). */
  stored: number;
  lost: number;
  duplicates: number;
}

export interface Conservation {
  starts: FrameCount;
  meterValues: FrameCount;
  stops: FrameCount;
  /** All three together. */
  frames: FrameCount;
  /** Stored data nobody acknowledged: curve points or sessions the stations never sent. */
  unexpected: number;
  /** Stations whose connector shows the status they reported last (and was acknowledged). */
  statusesRight: number;
  stations: number;
  sessions: number;
  /** What went wrong, one line each (the first 20). */
  problems: string[];
}

interface TransactionDoc {
  _id: string;
  chargingStationId: string;
  ocppTransactionId: string;
  active: boolean;
  stoppedAt?: Date;
  meterStopWh?: number;
  stopReason?: string;
}

interface ConsumptionDoc {
  transactionId: string;
  timestamp: Date;
}

interface StationDoc {
  stationId: string;
  /** By connector id. */
  connectors?: Record<string, { status?: string; statusUpdatedAt?: Date }>;
}

const zero = (): FrameCount => ({ acknowledged: 0, stored: 0, lost: 0, duplicates: 0 });

/** 2.0.1 reports connector states in its own words. */
const STATE_WORDS: Record<string, Record<ConnectorState, string>> = {
  '1.6': { Available: 'Available', Preparing: 'Preparing', Charging: 'Charging', Finishing: 'Finishing' },
  '2.0.1': { Available: 'Available', Preparing: 'Occupied', Charging: 'Occupied', Finishing: 'Occupied' },
};

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Compares what the stations were acknowledged with what the database holds, read straight from
 * its collections: every session (start), curve point (meter value) and stop acknowledged must be
 * stored exactly once, and nothing else stored for those stations.
 */
export async function checkConservation(
  databaseUri: string,
  stations: FaultStation[],
  tenantId = 'default',
): Promise<Conservation> {
  // What was acknowledged before the database is read: a station still sending cannot make its
  // newest acknowledgments look lost.
  const ledgers = new Map(stations.map((station) => [station, station.ledger.slice()]));
  const client = new mongo.MongoClient(databaseUri, { directConnection: true });
  try {
    const db = client.db();
    const ids = stations.map((station) => station.id);
    const transactions = await db
      .collection<TransactionDoc>('transactions')
      .find({ tenantId, chargingStationId: { $in: ids } })
      .toArray();
    const consumptions = await db
      .collection<ConsumptionDoc>('consumptions')
      .find(
        { tenantId, transactionId: { $in: transactions.map((t) => t._id) } },
        { projection: { transactionId: 1, timestamp: 1 } },
      )
      .toArray();
    const stationDocs = await db
      .collection<StationDoc>('charging_stations')
      .find({ tenantId, stationId: { $in: ids } })
      .toArray();
    return compare(ledgers, transactions, consumptions, stationDocs);
  } finally {
    await client.close();
  }
}

function compare(
  ledgers: Map<FaultStation, Acknowledged[]>,
  transactions: TransactionDoc[],
  consumptions: ConsumptionDoc[],
  stationDocs: StationDoc[],
): Conservation {
  const result: Conservation = {
    starts: zero(),
    meterValues: zero(),
    stops: zero(),
    frames: zero(),
    unexpected: 0,
    statusesRight: 0,
    stations: ledgers.size,
    sessions: 0,
    problems: [],
  };
  const problem = (text: string) => {
    if (result.problems.length < 20) result.problems.push(text);
  };
  const transactionsOf = groupBy(transactions, (t) => `${t.chargingStationId}\u0000${t.ocppTransactionId}`);
  const pointsOf = groupBy(consumptions, (c) => `${c.transactionId}\u0000${c.timestamp.getTime()}`);
  const pointsPerTransaction = groupBy(consumptions, (c) => c.transactionId);
  const expectedPoints = new Set<string>();
  const sessionTransactions = new Set<string>();

  const count = (bucket: FrameCount, copies: number, what: string): void => {
    bucket.acknowledged += 1;
    if (copies === 0) {
      bucket.lost += 1;
      problem(`lost: ${what}`);
      return;
    }
    bucket.stored += 1;
    if (copies > 1) {
      bucket.duplicates += copies - 1;
      problem(`${copies} copies: ${what}`);
    }
  };

  for (const [station, ledger] of ledgers) {
    for (const entry of ledger) {
      if (entry.kind === 'status') continue;
      const session = entry.session;
      const found = transactionsOf.get(`${station.id}\u0000${session.ocppTransactionId}`) ?? [];
      const transaction = found[0];
      if (entry.kind === 'start') {
        result.sessions += 1;
        count(result.starts, found.length, `session ${session.key} (${session.ocppTransactionId})`);
        if (transaction) sessionTransactions.add(transaction._id);
        // A 2.0.1 Started event carries the meter start: a point of the curve.
        if (transaction && station.dialect.version === '2.0.1') {
          expectedPoints.add(`${transaction._id}\u0000${Date.parse(entry.timestamp)}`);
        }
        continue;
      }
      const point = transaction ? `${transaction._id}\u0000${Date.parse(entry.timestamp)}` : '';
      if (transaction) expectedPoints.add(point);
      const copies = transaction ? (pointsOf.get(point)?.length ?? 0) : 0;
      if (entry.kind === 'meter') {
        count(result.meterValues, copies, `meter value ${entry.timestamp} of ${session.key}`);
        continue;
      }
      const stoppedAsSent =
        transaction !== undefined &&
        !transaction.active &&
        transaction.stoppedAt?.getTime() === Date.parse(entry.timestamp) &&
        transaction.meterStopWh === entry.registerWh &&
        transaction.stopReason === 'Local';
      if (transaction && !stoppedAsSent) {
        problem(`stop of ${session.key} not stored as sent: ${JSON.stringify(transaction)}`);
      }
      count(result.stops, stoppedAsSent ? copies : 0, `stop ${entry.timestamp} of ${session.key}`);
    }
    result.statusesRight += statusIsRight(station, ledger, stationDocs) ? 1 : 0;
  }

  for (const transaction of transactions) {
    if (!sessionTransactions.has(transaction._id)) {
      result.unexpected += 1;
      problem(
        `session nobody acknowledged: ${transaction.chargingStationId} ${transaction.ocppTransactionId}`,
      );
      continue;
    }
    for (const point of pointsPerTransaction.get(transaction._id) ?? []) {
      if (expectedPoints.has(`${point.transactionId}\u0000${point.timestamp.getTime()}`)) continue;
      result.unexpected += 1;
      problem(
        `curve point nobody acknowledged: ${transaction.ocppTransactionId} ${point.timestamp.toISOString()}`,
      );
    }
  }
  for (const bucket of [result.starts, result.meterValues, result.stops]) {
    result.frames.acknowledged += bucket.acknowledged;
    result.frames.stored += bucket.stored;
    result.frames.lost += bucket.lost;
    result.frames.duplicates += bucket.duplicates;
  }
  return result;
}

function statusIsRight(station: FaultStation, ledger: Acknowledged[], stationDocs: StationDoc[]): boolean {
  const last = [...ledger].reverse().find((entry) => entry.kind === 'status');
  if (!last || last.kind !== 'status') return false;
  const connector = stationDocs.find((doc) => doc.stationId === station.id)?.connectors?.['1'];
  return (
    connector?.status === STATE_WORDS[station.dialect.version][last.state] &&
    connector.statusUpdatedAt?.getTime() === Date.parse(last.timestamp)
  );
}

/** The suites' verdict: nothing acknowledged lost or stored twice, nothing stored unsent, every status right. */
export function expectConserved(conservation: Conservation): void {
  expect(conservation.problems).toEqual([]);
  expect(conservation.frames.lost).toBe(0);
  expect(conservation.frames.duplicates).toBe(0);
  expect(conservation.unexpected).toBe(0);
  expect(conservation.frames.stored).toBe(conservation.frames.acknowledged);
  expect(conservation.statusesRight).toBe(conservation.stations);
}
