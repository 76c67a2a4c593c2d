import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LatencyRecorder, LatencySummary } from './latency-recorder';
import { CpuWindow } from './process-cpu';
import { BenchSession } from './meter-values.payload';
import { CallOutcome, OcppStationClient } from './ocpp-station.client';
import { forEachLimited } from './run-limited';

export interface LoadTarget {
  name: string;
  /** ws://127.0.0.1:PORT/ocpp/default/ — the station id is appended. */
  stationUrlPrefix: string;
  idTagOf(stationIndex: number): string;
  /** The CSMS must answer StartTransaction with an integer transactionId (and Accepted, if tags exist). */
  strict: { acceptedTags: boolean } | undefined;
}

export interface LoadOptions {
  stations: number;
  seconds: number;
  warmupSeconds: number;
  /** Started and stopped with the measured window. */
  cpu?: CpuWindow;
  /**
   * Then as long again at this share of the closed loop's throughput, each station on a schedule
   * (open loop): the latency a station sees when the server has headroom.
   */
  pacedShare?: number;
}

export interface PacedResult {
  /** MeterValues per second offered, all stations together. */
  rate: number;
  /** From each MeterValues' scheduled time (a late send counts against the server) to its answer. */
  measured: LatencySummary;
  errors: number;
}

export interface LoadResult {
  target: string;
  stations: number;
  /** Stations that connected, booted and started a transaction. */
  charging: number;
  windowSeconds: number;
  /** MeterValues answered with a CALLRESULT inside the measured window. */
  measured: LatencySummary;
  throughput: number;
  /** The sample timestamps (ms) of every MeterValues answered with a CALLRESULT, warm-up included. */
  acknowledgedByStation: Map<string, number[]>;
  acknowledged: number;
  errors: number;
  setupFailures: number;
  /** BootNotifications answered with a CALLERROR and sent again, as a real station does. */
  bootRetries: number;
  setupSeconds: number;
  errorSamples: string[];
  paced?: PacedResult;
}

/** Few enough that set-up calls do not queue past their timeout on a slow server, wasting its work. */
const SETUP_CONCURRENCY = 20;
const BOOT_RETRIES = 2;
const BOOT_RETRY_DELAY_MS = 1000;
const CALL_TIMEOUT_MS = 15_000;
/** Stations not charging by then are counted as set-up failures: the run stays bounded in time. */
const SETUP_BUDGET_MS = 180_000;
const METER_VALUES_TIMEOUT_MS = 10_000;
/** Between the closed loop and the paced phase: the last closed-loop answers drain. */
const PACED_LEAD_MS = 1000;
const MAX_ERROR_SAMPLES = 5;

export interface ChargingStation {
  id: string;
  client: OcppStationClient;
  session: BenchSession;
  transactionId: number;
}

export function stationIdOf(index: number): string {
  return `BENCH-${String(index + 1).padStart(4, '0')}`;
}

/**
 * N stations each boot, start a transaction, then send MeterValues in a closed loop (the next only
 * after the previous answer) until the time is up, and stop their transaction.
 */
export async function runMeterValuesLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const errorSamples = new Set<string>();
  const noteError = (error: string): void => {
    if (errorSamples.size < MAX_ERROR_SAMPLES) errorSamples.add(error);
  };

  const charging: ChargingStation[] = [];
  let setupFailures = 0;
  let bootRetries = 0;
  const onBootRetry = (error: string): void => {
    bootRetries++;
    noteError(`setup (retried): ${error}`);
  };
  const setupStart = performance.now();
  const setupDeadline = setupStart + SETUP_BUDGET_MS;
  await forEachLimited(options.stations, SETUP_CONCURRENCY, async (index) => {
    try {
      charging.push(await prepareStation(target, index, setupDeadline, onBootRetry));
    } catch (error) {
      setupFailures++;
      noteError(`setup: ${(error as Error).message}`);
    }
  });

  const setupSeconds = (performance.now() - setupStart) / 1000;

  const latencies = new LatencyRecorder();
  const acknowledgedByStation = new Map<string, number[]>();
  let errors = 0;
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  const measureUntil = measureFrom + options.seconds * 1000;
  let cpuMeasured = false;
  const cpuStart = setTimeout(() => options.cpu?.start(), measureFrom - performance.now());
  const cpuStop = setTimeout(() => {
    cpuMeasured = true;
    options.cpu?.stop();
  }, measureUntil - performance.now());

  const acknowledgedOf = (station: ChargingStation): number[] => {
    let acknowledged = acknowledgedByStation.get(station.id);
    if (!acknowledged) acknowledgedByStation.set(station.id, (acknowledged = []));
    return acknowledged;
  };
  /** One MeterValues: its latency when acknowledged, else undefined (`closed` if the station is gone). */
  const sendMeterValues = async (station: ChargingStation): Promise<number | undefined | 'closed'> => {
    const sample = station.session.meterValues(station.transactionId);
    const outcome = await station.client.call('MeterValues', sample.payload, METER_VALUES_TIMEOUT_MS);
    if (!outcome.ok) {
      errors++;
      noteError(`MeterValues: ${outcome.error}`);
      const gone = outcome.error.startsWith('connection closed') || outcome.error.startsWith('socket error');
      return gone ? 'closed' : undefined;
    }
    acknowledgedOf(station).push(sample.timestampMs);
    return outcome.latencyMs;
  };

  const connected = new Set<ChargingStation>();
  const loop = async (station: ChargingStation): Promise<void> => {
    acknowledgedOf(station);
    while (performance.now() < measureUntil) {
      const sentAt = performance.now();
      const latencyMs = await sendMeterValues(station);
      if (latencyMs === 'closed') return;
      if (latencyMs !== undefined && sentAt >= measureFrom && sentAt + latencyMs <= measureUntil)
        latencies.record(latencyMs);
    }
    connected.add(station);
  };
  await Promise.all(charging.map(loop));
  clearTimeout(cpuStart);
  clearTimeout(cpuStop);
  if (!cpuMeasured) options.cpu?.stop();

  let paced: PacedResult | undefined;
  if (options.pacedShare) {
    const rate = (latencies.count / options.seconds) * options.pacedShare;
    const errorsBefore = errors;
    const measured = await runPaced([...connected], rate, options.seconds, sendMeterValues);
    paced = { rate, measured, errors: errors - errorsBefore };
  }

  await forEachLimited(charging.length, SETUP_CONCURRENCY, async (index) => {
    const station = charging[index];
    const outcome = await station.client.call(
      'StopTransaction',
      station.session.stopTransaction(station.transactionId),
      CALL_TIMEOUT_MS,
    );
    if (!outcome.ok) {
      errors++;
      noteError(`StopTransaction: ${outcome.error}`);
    }
    await station.client.close();
  });

  const measured = latencies.summary();
  const acknowledged = [...acknowledgedByStation.values()].reduce((sum, samples) => sum + samples.length, 0);
  return {
    target: target.name,
    stations: options.stations,
    charging: charging.length,
    windowSeconds: options.seconds,
    measured,
    throughput: measured.count / options.seconds,
    acknowledgedByStation,
    acknowledged,
    errors,
    setupFailures,
    bootRetries,
    setupSeconds,
    errorSamples: [...errorSamples],
    paced,
  };
}

/** Each station sends on its own schedule, staggered, so that all together offer `rate` per second. */
async function runPaced(
  stations: ChargingStation[],
  rate: number,
  seconds: number,
  send: (station: ChargingStation) => Promise<number | undefined | 'closed'>,
): Promise<LatencySummary> {
  const latencies = new LatencyRecorder();
  const intervalMs = (stations.length / Math.max(rate, 1e-9)) * 1000;
  const from = performance.now() + PACED_LEAD_MS;
  const until = from + seconds * 1000;
  await Promise.all(
    stations.map(async (station, index) => {
      for (let due = from + (index / stations.length) * intervalMs; due < until; due += intervalMs) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const sentAt = performance.now();
        const latencyMs = await send(station);
        if (latencyMs === 'closed') return;
        if (latencyMs !== undefined) latencies.record(sentAt + latencyMs - due);
      }
    }),
  );
  return latencies.summary();
}

/** Connects, boots (retrying a CALLERROR as a station does), and starts a transaction on connector 1. */
export async function prepareStation(
  target: LoadTarget,
  index: number,
  deadline: number,
  onBootRetry: (error: string) => void,
): Promise<ChargingStation> {
  const id = stationIdOf(index);
  const timeLeft = (): number => {
    const left = Math.min(CALL_TIMEOUT_MS, deadline - performance.now());
    if (left <= 0) throw new Error('set-up time budget exhausted');
    return left;
  };
  const client = await OcppStationClient.connect(`${target.stationUrlPrefix}${id}`, timeLeft());
  try {
    const call = async (action: string, payload: object): Promise<Record<string, unknown>> =>
      expectResult(action, await client.call(action, payload, timeLeft()));

    const bootRequest = {
      chargePointVendor: 'VoltGrid',
      chargePointModel: 'Bench',
      chargePointSerialNumber: id,
      firmwareVersion: '1.0.0',
    };
    let bootOutcome = await client.call('BootNotification', bootRequest, timeLeft());
    for (
      let retry = 1;
      retry <= BOOT_RETRIES && !bootOutcome.ok && bootOutcome.error.startsWith('CALLERROR');
      retry++
    ) {
      onBootRetry(`BootNotification: ${bootOutcome.error}`);
      await sleep(BOOT_RETRY_DELAY_MS);
      bootOutcome = await client.call('BootNotification', bootRequest, timeLeft());
    }
    const boot = expectResult('BootNotification', bootOutcome);
    if (boot.status !== undefined && boot.status !== 'Accepted') {
      throw new Error(`BootNotification answered ${JSON.stringify(boot.status)}`);
    }
    const connectorId = 1;
    await call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Preparing' });
    const session = new BenchSession(connectorId, target.idTagOf(index));
    const started = await call('StartTransaction', session.startTransaction());
    const idTagInfo = started.idTagInfo as { status?: unknown } | undefined;
    if (target.strict?.acceptedTags && idTagInfo?.status !== 'Accepted') {
      throw new Error(`StartTransaction idTagInfo.status ${JSON.stringify(idTagInfo?.status)}`);
    }
    if (target.strict && !Number.isInteger(started.transactionId)) {
      throw new Error(`StartTransaction without an integer transactionId: ${JSON.stringify(started)}`);
    }
    // The baseline answers {}: any integer will do there.
    const transactionId = typeof started.transactionId === 'number' ? started.transactionId : index + 1;
    await call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Charging' });
    return { id, client, session, transactionId };
  } catch (error) {
    await client.close();
    throw error;
  }
}

function expectResult(action: string, outcome: CallOutcome): Record<string, unknown> {
  if (!outcome.ok) throw new Error(`${action}: ${outcome.error}`);
  return outcome.payload;
}
