import { deleteInner, innerCount, innerMap, TenantId } from '@csms/common';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { OcppMessageRecord } from './ocpp-message.repository';

/** Station CALLs a busy station sends many times a second, each answered alike: kept as runs. */
const FOLDED_ACTIONS = new Set(['MeterValues']);
/**
 * A run is written once its first CALL is as old as its window, drawn for each run between these
 * two: stations that start together (every station, when they reconnect after a restart) then end
 * their runs in different flushes. With one window for all, every station's run ripened in the same
 * flush, every two seconds, and that burst of log writes slowed the meter values' own writes.
 */
export const RUN_WINDOW_MIN_MS = 1_500;
export const RUN_WINDOW_MAX_MS = 2_500;
/** …or once it holds this many. */
export const RUN_MAX_CALLS = 100;

interface OpenRun {
  record: OcppMessageRecord;
  /** When it is old enough to be written (epoch ms). */
  ripeAt: number;
}

/** A station's CALL answered CALLRESULT with nothing noted: one of many alike. */
function foldable(entry: OcppMessageRecord): boolean {
  return (
    entry.direction === OcppMessageDirection.IN &&
    entry.messageType === 'CALL' &&
    entry.answerType === 'CALLRESULT' &&
    entry.errorCode === undefined &&
    entry.note === undefined &&
    entry.action !== undefined &&
    FOLDED_ACTIONS.has(entry.action)
  );
}

/**
 * Folds each station's consecutive routine CALLs (its MeterValues answered CALLRESULT) into one log
 * row per run: at ten a second per station, a row per CALL made the log cost the database more than
 * the meter values themselves. A run keeps every message id, its first and last time, the sizes
 * added up and the slowest answer; it ends when full, when old enough, or when the station's next
 * frame of another kind is logged, so the log still reads in order. A run of one is a plain row.
 */
export class MessageRuns {
  /** By tenant, then station: a MeterValues finds its station's run without a key string. */
  private readonly open = new Map<TenantId, Map<string, OpenRun>>();

  /** Open runs (read a few times a second, by the writer's timer: counted, not kept). */
  get size(): number {
    return innerCount(this.open);
  }

  /**
   * Takes `entry` into its station's run when it folds (and returns the run if that made it full);
   * otherwise returns the station's run, ended, to be logged before `entry`.
   */
  add(entry: OcppMessageRecord): { folded: boolean; ended?: OcppMessageRecord } {
    const run = this.open.get(entry.tenantId)?.get(entry.stationId)?.record;
    if (!foldable(entry)) return { folded: false, ended: run && this.end(run) };
    if (!run || run.action !== entry.action) {
      const ended = run && this.end(run);
      // The entry is the recorder's to give away: it becomes the run, not a copy of it.
      entry.count = 1;
      entry.messageIds = entry.messageId === undefined ? [] : [entry.messageId];
      const window = RUN_WINDOW_MIN_MS + Math.random() * (RUN_WINDOW_MAX_MS - RUN_WINDOW_MIN_MS);
      innerMap(this.open, entry.tenantId).set(entry.stationId, {
        record: entry,
        ripeAt: entry.at.getTime() + window,
      });
      return { folded: true, ended };
    }
    run.count! += 1;
    if (entry.messageId !== undefined) run.messageIds!.push(entry.messageId);
    run.lastAt = entry.at;
    run.sizeBytes += entry.sizeBytes;
    run.answerSizeBytes = (run.answerSizeBytes ?? 0) + (entry.answerSizeBytes ?? 0);
    run.latencyMs = Math.max(run.latencyMs ?? 0, entry.latencyMs ?? 0);
    return { folded: true, ended: run.count! >= RUN_MAX_CALLS ? this.end(run) : undefined };
  }

  /** Ends the runs old enough to be written at `now` (epoch ms; all of them without it). */
  endRipe(now = Infinity): OcppMessageRecord[] {
    const ended: OcppMessageRecord[] = [];
    for (const ofTenant of this.open.values()) {
      for (const run of ofTenant.values()) if (run.ripeAt <= now) ended.push(run.record);
    }
    return ended.map((run) => this.end(run));
  }

  private end(run: OcppMessageRecord): OcppMessageRecord {
    deleteInner(this.open, run.tenantId, run.stationId);
    if (run.count === 1) {
      delete run.count;
      delete run.messageIds;
    }
    return run;
  }
}
