import { uniqueDatabaseUri } from '../setup/test-database';
import { ServerProcess } from '../support/server-process';
import { checkConservation, Conservation, expectConserved } from './support/conservation';
import { FaultFleet, until, untilWhileProgressing } from './support/fault-fleet';
import { FAULT_STATIONS } from './support/fault-scale';
import { reportScenario } from './support/reliability-report';
import { ReplayProgress } from './support/replay-progress';

const TAG = 'FAULT-CRASH';
/** Generous bounds for waits on a slow shared machine; the assertions are about data, never time. */
const WAIT_MS = 180_000;
/**
 * A backlog (the fleet's first sessions, the offline queues after the restart) drains at whatever
 * pace a shared machine gives the server and its database: it is waited for as long as frames keep
 * being acknowledged, and is a failure once none was for this long.
 */
const STALL_MS = 90_000;
/** Jest's cap on a test that drains a backlog (the stall above is the real bound). */
const DRAIN_CAP_MS = 20 * 60_000;
/**
 * Sessions of twenty meter values (~20 s), so that the load is mostly MeterValues and
 * StatusNotifications as in a real fleet; with four, every station started and stopped a session
 * every ~6 s, and each start and stop fans out to statistics, smart charging, roaming and billing:
 * at 200 stations on a loaded 2-core machine that alone saturated the database before any fault.
 * The fifth of the stations stopped at the kill keeps several stops on the wire.
 */
const METER_VALUES_PER_SESSION = 20;

describe('faults: the server killed with SIGKILL under load loses nothing it acknowledged', () => {
  const databaseUri = uniqueDatabaseUri('fault_crash');
  let server: ServerProcess;
  let fleet: FaultFleet;
  let conservation: Conservation;
  let progress: ReplayProgress | undefined;
  const at = {
    kill: { stopsInFlight: 0, inFlight: 0, acknowledged: 0, pending: 0 },
    restartMs: 0,
    offlineAtRestart: 0,
    replayMs: 0,
  };
  const ledgerAtKill = new Map<string, number>();
  const sessions = { openAtKill: 0, chargedOn: 0 };

  beforeAll(async () => {
    server = await ServerProcess.start({ env: { MONGODB_URI: databaseUri } });
    ({ fleet } = await FaultFleet.startAgainst(server, {
      stations: FAULT_STATIONS,
      idPrefix: 'CRASH',
      tagId: TAG,
      meterValuesPerSession: METER_VALUES_PER_SESSION,
    }));
    progress = new ReplayProgress(fleet);
    progress.mark('start');
  }, WAIT_MS);

  afterAll(async () => {
    progress?.stop();
    await fleet?.close();
    await server?.stop();
  });

  it(
    'is killed while every station charges and StopTransactions are on the wire',
    async () => {
      await untilWhileProgressing(
        () => 'every station charging with two meter values acknowledged',
        () => fleet.everyStationHasMeterValues(2),
        () => fleet.acknowledged,
        STALL_MS,
      );
      // A fifth of the stations stop at once; the kill comes while several of those stops are unanswered.
      fleet.endSessionsOfEvery(5);
      const wanted = Math.max(2, Math.floor(FAULT_STATIONS / 40));
      await until(`${wanted} stops in flight`, () => fleet.stopsInFlight >= wanted, 10_000, 1);
      at.kill = {
        stopsInFlight: fleet.stopsInFlight,
        inFlight: fleet.inFlight,
        acknowledged: fleet.acknowledged,
        pending: fleet.pending,
      };
      await server.kill('SIGKILL');
      progress?.mark('killed');
      for (const station of fleet.stations) ledgerAtKill.set(station.id, station.ledger.length);
      expect(at.kill.stopsInFlight).toBeGreaterThanOrEqual(wanted);
    },
    DRAIN_CAP_MS,
  );

  it(
    'comes back on the same database, and the stations reconnect and replay what they queued meanwhile',
    async () => {
      const restarting = Date.now();
      server = await server.restart();
      at.restartMs = Date.now() - restarting;
      at.offlineAtRestart = progress?.mark('restarted').pending ?? 0;
      await until('every station connected again', () => fleet.connected === FAULT_STATIONS, WAIT_MS);
      // What the stations queued while the server was down is replayed first, in order.
      await untilWhileProgressing(
        () => `the offline queues replayed (${fleet.offlinePending} left)`,
        () => fleet.offlinePending === 0,
        () => fleet.acknowledged,
        STALL_MS,
      );
      at.replayMs = Date.now() - restarting - at.restartMs;
      progress?.mark('replayed');
      // Sessions open at the kill go on: each station has two more meter values acknowledged after it.
      await untilWhileProgressing(
        () => 'two meter values acknowledged after the restart at every station',
        () =>
          fleet.stations.every(
            (station) =>
              station.ledger.slice(ledgerAtKill.get(station.id)).filter((entry) => entry.kind === 'meter')
                .length >= 2,
          ),
        () => fleet.acknowledged,
        STALL_MS,
      );
      await fleet.finish(WAIT_MS, { stallMs: STALL_MS });
      expect(fleet.total('replayed')).toBeGreaterThan(0);
    },
    DRAIN_CAP_MS,
  );

  it('stores every acknowledged frame exactly once, and nothing that was not sent', async () => {
    expect(fleet.pending).toBe(0);
    conservation = await checkConservation(databaseUri, fleet.stations);
    expectConserved(conservation);
  });

  it('lets the sessions open at the kill continue in the same transactions and close as the stations say', () => {
    const openAtKill = fleet.stations.flatMap((station) => {
      const before = station.ledger.slice(0, ledgerAtKill.get(station.id));
      const after = station.ledger.slice(ledgerAtKill.get(station.id));
      return before
        .filter((entry) => entry.kind === 'start')
        .filter(({ session }) => !before.some((entry) => entry.kind === 'stop' && entry.session === session))
        .map(({ session }) => ({
          stoppedAfter: after.some((entry) => entry.kind === 'stop' && entry.session === session),
          chargedOn: after.some((entry) => entry.kind === 'meter' && entry.session === session),
        }));
    });
    sessions.openAtKill = openAtKill.length;
    sessions.chargedOn = openAtKill.filter((session) => session.chargedOn).length;
    // Every station was in a session at the kill (some between two): each of those was closed by
    // its own stop afterwards (stored as sent, above), many after more meter values.
    expect(openAtKill.length).toBeGreaterThan(FAULT_STATIONS / 2);
    expect(openAtKill.every((session) => session.stoppedAfter)).toBe(true);
    expect(sessions.chargedOn).toBeGreaterThan(0);
    expect(conservation.stops.acknowledged).toBe(conservation.starts.acknowledged);
  });

  afterAll(async () => {
    if (!conservation) return;
    await reportScenario({
      id: 'server-crash',
      title: 'Server killed with SIGKILL under load',
      description:
        'Every station charges session after session (MeterValues or TransactionEvent Updated every ~1 s, ' +
        'twenty per session, StatusNotifications around each). A fifth of them stop at once, and the server ' +
        'process is killed with SIGKILL while several of those stops are unanswered. It is restarted on the ' +
        'same port and database; the stations reconnect (without rebooting), replay what they queued while ' +
        'it was down, charge on, then end their sessions. (`test/faults/server-crash.e2e-spec.ts`)',
      conservation,
      figures: [
        ['Stops on the wire at the kill', at.kill.stopsInFlight],
        ['Transaction messages on the wire at the kill', at.kill.inFlight],
        ['Messages queued at the stations at the kill', at.kill.pending],
        ['Sessions open at the kill (all closed afterwards by their own stop)', sessions.openAtKill],
        ['… of which had more meter values in the same transaction after the restart', sessions.chargedOn],
        ['Messages replayed after the restart', fleet.total('replayed')],
        ['CALLs sent in all', fleet.total('sent')],
        ['CALLs unanswered within 30 s (sent again on a new connection)', fleet.total('timeouts')],
        ['CALLERRORs received (sent again 1 s later)', JSON.stringify(fleet.callErrors())],
        ['Restart until healthy (s)', (at.restartMs / 1000).toFixed(1)],
        ['Messages queued at the stations when the server was healthy again', at.offlineAtRestart],
        ['From healthy until every offline queue was replayed (s)', (at.replayMs / 1000).toFixed(1)],
        [
          'Replay rate (messages acknowledged per second, all stations)',
          progress?.ratePerSecond('restarted', 'replayed') ?? '—',
        ],
        [
          'Load average (1 min): at the start / the kill / the restart / the end of the replay',
          ['start', 'killed', 'restarted', 'replayed']
            .map((mark) => progress?.marks.get(mark)?.load ?? '—')
            .join(' / '),
        ],
      ],
    });
  });
});
