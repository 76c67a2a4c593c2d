import type { AlignedData } from 'uplot';

export interface CurvePoint {
  timestamp: string;
  instantWatts: number | null;
  cumulatedWh: number;
  stateOfCharge: number | null;
  limitWatts: number | null;
  cumulatedAmount: number | null;
}

/** Which optional series a curve has data for (SoC, limit and cost are often absent). */
export interface CurveSeries {
  soc: boolean;
  limit: boolean;
  cost: boolean;
}

export function curveSeries(points: readonly CurvePoint[]): CurveSeries {
  return {
    soc: points.some((point) => point.stateOfCharge !== null),
    limit: points.some((point) => point.limitWatts !== null),
    cost: points.some((point) => point.cumulatedAmount !== null),
  };
}

/**
 * Columns for uPlot, oldest first: time (s), power (kW), energy (kWh), then SoC (%), limit (kW) and
 * cost when the curve has them. A point arriving twice (query and subscription overlap) counts once.
 */
export function curveData(points: readonly CurvePoint[], series = curveSeries(points)): AlignedData {
  const sorted = uniqueByTime(points);
  const columns: (number | null)[][] = [
    sorted.map((point) => Date.parse(point.timestamp) / 1000),
    sorted.map((point) => (point.instantWatts === null ? null : point.instantWatts / 1000)),
    sorted.map((point) => point.cumulatedWh / 1000),
  ];
  if (series.soc) columns.push(sorted.map((point) => point.stateOfCharge));
  if (series.limit)
    columns.push(sorted.map((point) => (point.limitWatts === null ? null : point.limitWatts / 1000)));
  if (series.cost) columns.push(sorted.map((point) => point.cumulatedAmount));
  return columns as AlignedData;
}

/** Oldest first, one point per timestamp (the later arrival wins): any timed series, not only curves. */
export function uniqueByTime<Point extends { timestamp: string }>(points: readonly Point[]): Point[] {
  const byTime = new Map<string, Point>();
  for (const point of points) byTime.set(point.timestamp, point);
  return [...byTime.values()].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}
