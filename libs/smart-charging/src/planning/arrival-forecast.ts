import { ExpectedArrival } from '../optimizer/optimizer.types';

const DAY_MS = 24 * 60 * 60_000;
/** How many past days of an area the forecast of arrivals averages. */
export const FORECAST_DAYS = 7;
/**
 * Arrivals are summed by the hour, staying their energy-weighted mean stay: a busy area's week of
 * sessions comes to one window per hour of the horizon rather than hundreds (each is planned like a
 * car), for the same cost in the benchmark.
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
 * 1/days, and those arriving in the same hour (counted from the first slot) are summed, staying
 * their energy-weighted mean stay, to the hour. An average
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
  const byHour = new Map<number, { arrival: ExpectedArrival; stayWh: number }>();
  for (const session of past) {
    const stayMs = session.end.getTime() - session.start.getTime();
    if (!(stayMs > 0) || !(session.energyWh > 0)) continue;
    // Its time of day, in the day after the first slot began (arrivals in the first slot are here already).
    const firstFuture = start + slotMs;
    const shift = Math.ceil((firstFuture - session.start.getTime()) / DAY_MS) * DAY_MS;
    const exactSlot = Math.floor((session.start.getTime() + shift - start) / slotMs);
    if (exactSlot < 1 || exactSlot >= window.slotCount) continue;
    const arrivalSlot = Math.max(1, Math.floor(exactSlot / bucket) * bucket);
    const entry = byHour.get(arrivalSlot) ?? {
      arrival: {
        fuseId: window.fuseId,
        arrivalSlot,
        departureSlot: arrivalSlot,
        energyWh: 0,
        maxAmps: 0,
        voltage: window.voltage,
      },
      stayWh: 0,
    };
    entry.arrival.energyWh += session.energyWh / days;
    entry.arrival.maxAmps += (session.maxWatts ?? DEFAULT_MAX_WATTS) / (3 * window.voltage) / days;
    const staySlots = Math.max(bucket, Math.round(stayMs / slotMs / bucket) * bucket);
    entry.stayWh += (staySlots * session.energyWh) / days;
    byHour.set(arrivalSlot, entry);
  }
  return [...byHour.values()]
    .map(({ arrival, stayWh }) => {
      const staySlots = Math.max(bucket, Math.round(stayWh / arrival.energyWh / bucket) * bucket);
      return { ...arrival, departureSlot: arrival.arrivalSlot + staySlots };
    })
    .sort((a, b) => a.arrivalSlot - b.arrivalSlot);
}
