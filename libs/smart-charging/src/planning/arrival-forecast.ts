import { ExpectedArrival } from '../optimizer/optimizer.types';

const DAY_MS = 24 * 60 * 60_000;
/** How many past days of an area the forecast of arrivals averages. */
export const FORECAST_DAYS = 7;
/**
 * Arrivals and stays are counted by the hour: a busy area's week of sessions comes to a few dozen
 * windows rather than hundreds of quarter hours (each is planned like a car), for the same cost.
 */
const BUCKET_MINUTES = 60;
/** What a past car is taken to draw at most when its power is unknown: 11 kW (16 A on three phases). */
const DEFAULT_MAX_WATTS = 11_000;

/** A session of an area's past days, as the forecast needs it. */
export interface PastSession {
  start: Date;
  end: Date;
  /** Grid energy it drew, Wh. */
  energyWh: number;
  /** The most it drew, W, when known. */
  maxWatts?: number;
}

export interface ForecastWindow {
  /** The start of the plan's first slot. */
  slotStart: Date;
  slotMinutes: number;
  slotCount: number;
  /** The area (fuse) the arrivals will charge under, and its voltage. */
  fuseId: string;
  voltage: number;
}

/**
 * The cars expected to arrive over a plan's horizon, from the area's own past `days` days: every past
 * session comes back at the same time of day (the next occurrence after the first slot), weighted
 * 1/days, and those arriving in the same hour (counted from the first slot) and staying as many hours
 * are summed. An average
 * day of the area's history, not a guess at today's cars: it tells the cars present how much of the
 * cheap slots to leave for later arrivals.
 */
export function forecastArrivals(
  past: readonly PastSession[],
  days: number,
  window: ForecastWindow,
): ExpectedArrival[] {
  if (days <= 0) return [];
  const slotMs = window.slotMinutes * 60_000;
  const bucket = Math.max(1, Math.round(BUCKET_MINUTES / window.slotMinutes));
  const start = window.slotStart.getTime();
  const byWindow = new Map<string, ExpectedArrival>();
  for (const session of past) {
    const stayMs = session.end.getTime() - session.start.getTime();
    if (!(stayMs > 0) || !(session.energyWh > 0)) continue;
    // Its time of day, in the day after the first slot began (arrivals in the first slot are here already).
    const firstFuture = start + slotMs;
    const shift = Math.ceil((firstFuture - session.start.getTime()) / DAY_MS) * DAY_MS;
    const exactSlot = Math.floor((session.start.getTime() + shift - start) / slotMs);
    if (exactSlot < 1 || exactSlot >= window.slotCount) continue;
    const arrivalSlot = Math.max(1, Math.floor(exactSlot / bucket) * bucket);
    const departureSlot = arrivalSlot + Math.max(bucket, Math.round(stayMs / slotMs / bucket) * bucket);
    const key = `${arrivalSlot}:${departureSlot}`;
    const entry = byWindow.get(key) ?? {
      fuseId: window.fuseId,
      arrivalSlot,
      departureSlot,
      energyWh: 0,
      maxAmps: 0,
      voltage: window.voltage,
    };
    entry.energyWh += session.energyWh / days;
    entry.maxAmps += (session.maxWatts ?? DEFAULT_MAX_WATTS) / (3 * window.voltage) / days;
    byWindow.set(key, entry);
  }
  return [...byWindow.values()].sort(
    (a, b) => a.arrivalSlot - b.arrivalSlot || a.departureSlot - b.departureSlot,
  );
}
