import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive, readRunningServer, RunningServer } from '../../libs/database/src/embedded';
import { ServerProcess } from '../support/server-process';
import { checkConservation, Conservation, expectConserved } from './support/conservation';
import { FaultFleet, until } from './support/fault-fleet';
import { SUPERVISED_STATIONS } from './support/fault-scale';
import { reportScenario } from './support/reliability-report';

const TAG = 'FAULT-SUPERVISED';
const WAIT_MS = 180_000;

/**
 * The server as `npm start` runs it, with no MONGODB_URI: it starts the embedded database itself
 * (FerretDB, or a mongod it finds) with its data in DATA_DIR. The database process is killed under
 * load; later the server itself, leaving its database running without it.
 */
describe('faults: the embedded database is supervised by the server that started it', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-supervised-'));
  let server: ServerProcess;
  let fleet: FaultFleet;
  let killed: RunningServer;
  let conservation: Conservation;
  const figures = { backAfterMs: 0, healthDuring: [] as number[], serverRestartMs: 0, leftoverStopped: 0 };

  const database = (): RunningServer => {
    const running = readRunningServer(dataDir);
    if (!running) throw new Error(`No embedded database recorded in ${dataDir}`);
    return running;
  };

  beforeAll(async () => {
    server = await ServerProcess.start({ env: { DATA_DIR: dataDir }, unset: ['MONGODB_URI'] });
    ({ fleet } = await FaultFleet.startAgainst(server, {
      stations: SUPERVISED_STATIONS,
      idPrefix: 'SUPERVISED',
      tagId: TAG,
    }));
  }, WAIT_MS);

  afterAll(async () => {
    await fleet?.close();
    await server?.stop();
    const leftover = readRunningServer(dataDir);
    if (leftover && isProcessAlive(leftover.pid)) process.kill(leftover.pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'restarts the database killed under load on the same data, says so loudly, and recovers by itself',
    async () => {
      await until('every station charging', () => fleet.everyStationHasMeterValues(2), WAIT_MS);
      killed = database();
      process.kill(killed.pid, 'SIGKILL');
      const killedAt = Date.now();
      for (;;) {
        const health = await server.healthStatus();
        figures.healthDuring.push(health);
        if (health === 200 && database().pid !== killed.pid) break;
        if (Date.now() - killedAt > WAIT_MS)
          throw new Error(`The database did not come back:\n${server.tail()}`);
        await sleep(200);
      }
      figures.backAfterMs = Date.now() - killedAt;
      expect(server.alive).toBe(true);
      expect(database()).toMatchObject({ port: killed.port, kind: killed.kind });
      expect(isProcessAlive(database().pid)).toBe(true);
      const died = server.logsMatching(/The embedded \w+ died \(SIGKILL\); restarting it on the same data/);
      expect(died.map((entry) => entry.level)).toEqual([50]);
      await until(
        'the restart logged',
        () => server.logsMatching(/The embedded \w+ is back \(pid \d+\)/).length === 1,
        WAIT_MS,
      );
      const acknowledged = fleet.acknowledged;
      await until('charging on', () => fleet.acknowledged > acknowledged + SUPERVISED_STATIONS, WAIT_MS);
    },
    2 * WAIT_MS,
  );

  it(
    'stops the database a killed server left behind, and serves the same data when started again',
    async () => {
      const orphan = database();
      await server.kill('SIGKILL');
      // Killed with SIGKILL, the server could not stop its database: it runs on, alone.
      expect(isProcessAlive(orphan.pid)).toBe(true);
      const restarting = Date.now();
      server = await server.restart();
      figures.serverRestartMs = Date.now() - restarting;
      expect(isProcessAlive(orphan.pid)).toBe(false);
      expect(database().pid).not.toBe(orphan.pid);
      // The orphan may also have ended by itself, at its first write to the dead parent's pipe.
      figures.leftoverStopped = server.logsMatching(/left running on .* by a previous process/).length;
      await until('every station connected again', () => fleet.connected === SUPERVISED_STATIONS, WAIT_MS);
      await fleet.finish(WAIT_MS);
    },
    3 * WAIT_MS,
  );

  it('stores every frame acknowledged across both faults exactly once', async () => {
    expect(fleet.pending).toBe(0);
    conservation = await checkConservation(`mongodb://127.0.0.1:${database().port}/csms`, fleet.stations);
    expectConserved(conservation);
  });

  afterAll(async () => {
    if (!conservation) return;
    await reportScenario({
      id: 'embedded-database-supervision',
      title: 'Embedded database killed, then the server killed',
      description:
        'The server runs as `npm start` does, on the embedded database it starts itself (no MONGODB_URI). ' +
        'Under load, the database process is killed with SIGKILL: the server logs it as an error and ' +
        'starts it again on the same port and data (back-off 0.5 s doubling to 30 s while restarts fail), ' +
        'and the driver reconnects; nobody restarts anything. Then the server itself is killed with ' +
        'SIGKILL, which leaves its database running alone; started again, the server stops that one ' +
        'before starting its own on the same data. (`test/faults/embedded-database-supervision.e2e-spec.ts`)',
      conservation,
      figures: [
        ['Database back and /health 200 after the kill (s)', (figures.backAfterMs / 1000).toFixed(1)],
        [
          '/health during the restart: 503 / 200',
          `${figures.healthDuring.filter((s) => s === 503).length} / ${figures.healthDuring.filter((s) => s === 200).length}`,
        ],
        ['CALLERRORs (InternalError) while the database was down', fleet.callErrors().InternalError ?? 0],
        [
          'Server restarted until healthy, leftover database stopped (s)',
          (figures.serverRestartMs / 1000).toFixed(1),
        ],
        [
          'Leftover database stopped by the restarted server (else it had ended by itself)',
          figures.leftoverStopped ? 'yes' : 'no',
        ],
        ['Messages replayed after reconnections', fleet.total('replayed')],
      ],
    });
  });
});
