import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLClient, loginAsAdmin } from '../../support/graphql-client';
import { ServerProcess } from '../../support/server-process';
import { createTag, createUserAndLogin } from '../../support/users';
import { FaultStation, FaultStationOptions } from './fault-station';
import { OCPP16, OCPP201 } from './station-dialects';

export interface FaultFleetOptions extends Partial<FaultStationOptions> {
  /** Stations in all, half 1.6-J and half 2.0.1-J. */
  stations: number;
  /** `ws://host:port/ocpp/{tenant}`: the stations' ids are appended. */
  endpoint: string;
  idPrefix: string;
  tagId: string;
}

const DEFAULTS: Omit<FaultStationOptions, 'tagId'> = {
  meterValuesPerSession: 4,
  tickMs: 1000,
  callTimeoutMs: 30_000,
  retryAfterErrorMs: 1000,
};

/** Polls `condition` every `everyMs` until it holds; fails with `what` after `timeoutMs`. */
export async function until(
  what: string,
  condition: () => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Polls `condition` until it holds while `progress` keeps growing: fails with `what` only once
 * `progress` stood still for `stallMs`. A backlog that drains slowly on a loaded machine is waited
 * for; one that stopped draining is a failure.
 */
export async function untilWhileProgressing(
  what: () => string,
  condition: () => boolean,
  progress: () => number,
  stallMs: number,
  everyMs = 250,
): Promise<void> {
  let last = progress();
  let movedAt = Date.now();
  while (!condition()) {
    const now = progress();
    if (now !== last) {
      last = now;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) {
      throw new Error(`No progress for ${stallMs} ms (stuck at ${now}): ${what()}`);
    }
    await sleep(everyMs);
  }
}

/** Stations of both OCPP-J versions charging together, for fault tests. */
export class FaultFleet {
  private constructor(readonly stations: FaultStation[]) {}

  /** Creates the stations and starts them, a few at a time (a real fleet does not boot in one instant). */
  static async start(options: FaultFleetOptions): Promise<FaultFleet> {
    const stationOptions: FaultStationOptions = { ...DEFAULTS, ...options };
    const stations = Array.from({ length: options.stations }, (_, index) => {
      const dialect = index % 2 === 0 ? OCPP16 : OCPP201;
      const id = `${options.idPrefix}-${dialect.version === '1.6' ? 'J16' : 'J201'}-${String(index).padStart(4, '0')}`;
      return new FaultStation(id, dialect, options.endpoint, stationOptions);
    });
    for (const [index, station] of stations.entries()) {
      station.start();
      if (index % 20 === 19) await sleep(50);
    }
    return new FaultFleet(stations);
  }

  /**
   * A tenant admin on `server` creates the badge the stations charge with; then the fleet starts
   * against the server's OCPP-J endpoint of tenant `default`.
   */
  static async startAgainst(
    server: ServerProcess,
    options: Omit<FaultFleetOptions, 'endpoint'>,
  ): Promise<{ fleet: FaultFleet; admin: GraphQLClient }> {
    const admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: options.tagId });
    const fleet = await FaultFleet.start({ ...options, endpoint: `${server.wsUrl}/ocpp/default` });
    return { fleet, admin };
  }

  get connected(): number {
    return this.stations.filter((station) => station.connected).length;
  }

  get acknowledged(): number {
    return this.stations.reduce((sum, station) => sum + station.ledger.length, 0);
  }

  get pending(): number {
    return this.stations.reduce((sum, station) => sum + station.pending, 0);
  }

  /** Messages the stations produced while offline and have not replayed yet. */
  get offlinePending(): number {
    return this.stations.reduce((sum, station) => sum + station.offlinePending, 0);
  }

  /** Stations whose StopTransaction (1.6) or TransactionEvent Ended (2.0.1) is on the wire now. */
  get stopsInFlight(): number {
    return this.stations.filter((station) => station.inFlight?.acknowledged?.kind === 'stop').length;
  }

  /** Stations with any transaction message on the wire now. */
  get inFlight(): number {
    return this.stations.filter((station) => station.inFlight?.acknowledged).length;
  }

  /** Has every station had at least `count` meter values acknowledged? */
  everyStationHasMeterValues(count: number): boolean {
    return this.stations.every(
      (station) => station.ledger.filter((entry) => entry.kind === 'meter').length >= count,
    );
  }

  /** Every `nth` station ends its session now, so that many StopTransactions are sent together. */
  endSessionsOfEvery(nth: number): void {
    this.stations.forEach((station, index) => {
      if (index % nth === 0) station.endSessionNow();
    });
  }

  /**
   * Ends every session, produces nothing more, and waits until every message was acknowledged:
   * within `timeoutMs`, or with `stallMs` as long as acknowledgments keep coming.
   */
  async finish(timeoutMs: number, { stallMs }: { stallMs?: number } = {}): Promise<void> {
    await Promise.all(this.stations.map((station) => station.stopProducing()));
    const what = (): string =>
      `every message acknowledged (${this.pending} pending, ${this.connected}/${this.stations.length} connected)`;
    if (stallMs) {
      await untilWhileProgressing(
        what,
        () => this.pending === 0,
        () => this.acknowledged,
        stallMs,
      );
    } else {
      await until(what(), () => this.pending === 0, timeoutMs, 250);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.stations.map((station) => station.close()));
  }

  /** CALLERROR codes the stations (of one OCPP version) received, summed. */
  callErrors(version?: '1.6' | '2.0.1'): Record<string, number> {
    const codes: Record<string, number> = {};
    for (const station of this.stations) {
      if (version && station.dialect.version !== version) continue;
      for (const [code, count] of station.counters.callErrors) codes[code] = (codes[code] ?? 0) + count;
    }
    return codes;
  }

  /** Answers received and the milliseconds they took, summed over the stations, by action. */
  answerTimes(): Map<string, { count: number; totalMs: number }> {
    const sums = new Map<string, { count: number; totalMs: number }>();
    for (const station of this.stations) {
      for (const [action, { count, totalMs }] of station.counters.answerMs) {
        const sum = sums.get(action) ?? { count: 0, totalMs: 0 };
        sums.set(action, { count: sum.count + count, totalMs: sum.totalMs + totalMs });
      }
    }
    return sums;
  }

  total(counter: 'sent' | 'timeouts' | 'connections' | 'replayed'): number {
    return this.stations.reduce((sum, station) => sum + station.counters[counter], 0);
  }
}
