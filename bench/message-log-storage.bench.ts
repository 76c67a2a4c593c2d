import { asTenantId, inRunsOf } from '@csms/common';
import mongoose from 'mongoose';
import { OcppMessageDirection } from '../libs/ocpp/src/message-log/models/ocpp-message.model';
import {
  INSERT_CHUNK,
  OcppMessageRecord,
  OcppMessageRepository,
} from '../libs/ocpp/src/message-log/ocpp-message.repository';
import {
  OcppMessageDocument,
  OcppMessageSchema,
} from '../libs/ocpp/src/message-log/schemas/ocpp-message.schema';
import { count, log, machineNow, runBench, verdict } from './support/bench-format';
import { documentId } from './support/bench-database';
import { parseBenchOptions } from './support/bench-options';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { startBenchDatabase } from './support/csms-under-test';
import { CpuWindow } from './support/process-cpu';

/**
 * What a run of the OCPP message log costs the embedded database to store: N runs of `--ids` MeterValues
 * each, written by the message log's repository (ids as one JSON text) in its inserts; baseline in the
 * same run and database: the same runs with their ids as an array (the shape before), through the driver
 * in the same inserts. The database's own CPU per run, in alternating rounds; then every run of both is
 * counted back. Usage: npm run bench:message-log-storage
 */

const TARGET_RATIO = 0.8;

const options = parseBenchOptions(process.argv.slice(2), {
  runs: { default: 6000, min: 100, max: 100_000, integer: true },
  ids: { default: 20, min: 2, max: 100, integer: true },
  rounds: { default: 3, min: 1, max: 20, integer: true },
});

const TENANT = asTenantId('bench');

/** A station's run of MeterValues as the recorder hands it to the log. */
function runOf(index: number): OcppMessageRecord {
  const messageIds = Array.from({ length: options.ids }, () => documentId());
  const at = new Date();
  return {
    tenantId: TENANT,
    stationId: `CS-${index % 500}`,
    direction: OcppMessageDirection.IN,
    messageType: 'CALL',
    action: 'MeterValues',
    messageId: messageIds[0],
    sizeBytes: 400 * options.ids,
    at,
    answerType: 'CALLRESULT',
    answerSizeBytes: 20 * options.ids,
    latencyMs: 30,
    count: options.ids,
    lastAt: at,
    messageIds,
  };
}

/** The database's CPU ms while `write` stores the runs. */
async function cpuOf(pid: number | undefined, write: () => Promise<void>): Promise<number> {
  const cpu = new CpuWindow({ database: pid });
  cpu.start();
  await write();
  cpu.stop();
  const used = cpu.usedMs.get('database');
  if (used === undefined) throw new Error('no CPU figures for the database (no /proc)');
  return used;
}

async function main(): Promise<void> {
  const machine = machineNow();
  log(`message-log storage benchmark: ${count(options.runs)} runs of ${options.ids} ids per shape and round`);
  log(`machine: ${machine}`);
  const bench = await startBenchDatabase();
  // As the server connects: no schema index built on its own (on FerretDB the log has none).
  const connection = await mongoose.createConnection(bench.databaseUri, { autoIndex: false }).asPromise();
  try {
    const model = connection.model(OcppMessageDocument.name, OcppMessageSchema);
    const repository = new OcppMessageRepository(model);
    const arrays = connection.collection('ocpp_messages_as_arrays');
    const cpuMs = { arrays: 0, json: 0 };
    for (let round = 0; round < options.rounds; round++) {
      // Alternating which shape goes first, so that neither always writes into a larger database.
      const order = round % 2 === 0 ? (['arrays', 'json'] as const) : (['json', 'arrays'] as const);
      for (const shape of order) {
        const runs = Array.from({ length: options.runs }, (_, index) => runOf(index));
        cpuMs[shape] += await cpuOf(bench.database.pid, async () => {
          for (const part of inRunsOf(runs, INSERT_CHUNK)) {
            if (shape === 'json') await repository.insertBatch(part);
            else
              await arrays.insertMany(
                part.map((run) => ({ _id: documentId() as never, ...run })),
                { ordered: false },
              );
          }
        });
      }
    }
    const written = options.runs * options.rounds;
    const [storedJson, storedArrays] = await Promise.all([
      model.countDocuments({}),
      arrays.countDocuments({}),
    ]);
    const perRun = { arrays: (cpuMs.arrays * 1000) / written, json: (cpuMs.json * 1000) / written };
    const ratio = perRun.json / perRun.arrays;
    const pass = ratio <= TARGET_RATIO && storedJson === written && storedArrays === written;
    log(`ids as an array (before): ${perRun.arrays.toFixed(1)} µs of database CPU per run`);
    log(`ids as one JSON text (the log): ${perRun.json.toFixed(1)} µs of database CPU per run`);
    log(`stored: ${count(storedJson)} and ${count(storedArrays)} of ${count(written)} each`);
    log(`\nratio JSON text/array: ${ratio.toFixed(2)}`);
    log(`  ${verdict(pass)}  ratio ≤ ${TARGET_RATIO} and every run stored`);

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## Message-log runs as stored (`npm run bench:message-log-storage`)',
          intro: `N runs of the OCPP message log (a station's MeterValues folded into one record, with every message id)
are written into a fresh embedded database in inserts of 50: by the log's repository, its ids as one JSON text,
and as baseline in the same run and database, the same runs with their ids as an array (the shape before), in
alternating rounds. The figure is the database process's own CPU per run. Target: ratio (JSON text / array)
≤ 0.8, every run of both stored.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Runs × ids × rounds',
            'Array µs/run',
            'JSON text µs/run',
            'Stored / written',
            'Ratio',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          `${count(options.runs)} × ${options.ids} × ${options.rounds}`,
          perRun.arrays.toFixed(1),
          perRun.json.toFixed(1),
          `${count(storedJson)}, ${count(storedArrays)} / ${count(written)}`,
          ratio.toFixed(2),
          verdict(pass),
        ],
      );
      log(`row appended to ${BENCHMARKS_DOC}`);
    }
  } finally {
    await connection.close();
    await bench.stop();
  }
}

runBench(main);
