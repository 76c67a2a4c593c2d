import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import { BadInputError, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { SessionFactRepository } from '../facts/session-fact.repository';
import { BucketFamily, BucketScale } from '../rollups/bucket';
import { RollupPart, StatisticsRollupRepository } from '../rollups/statistics-rollup.repository';
import { StatisticsZonesRepository } from '../rollups/statistics-zones.repository';
import { StatisticsArgs } from '../dto/statistics.args';
import { StatisticsPeriod } from '../models/statistics-enums';
import { StatisticsSeries } from '../models/statistics-series.model';
import { dayKey, localParts } from '../time/local-time';
import { RangePart, splitRange } from '../time/range-split';
import { StatisticsLabels } from './statistics-labels';
import { GROUP_FIELDS, familyFor, fieldsOf } from './statistics-plan';
import { SeriesAccumulator, WEEKDAYS, axisOf } from './series-accumulator';

/** Beyond this many points (series × periods) a query is refused: no chart shows them. */
export const MAX_POINTS = 200_000;
const MAX_RANGE_DAYS = 366 * 10;

type Filter = Record<string, unknown>;

/**
 * Answers `statistics` from the coarsest rollups that cover each part of the range in each time
 * zone (years, months, days), and from the sessions themselves for partial days at the edges or
 * when no rollup family knows every field asked for.
 */
@Injectable()
export class StatisticsQueryService {
  constructor(
    private readonly facts: SessionFactRepository,
    private readonly rollups: StatisticsRollupRepository,
    private readonly zones: StatisticsZonesRepository,
    private readonly labels: StatisticsLabels,
  ) {}

  async series(principal: Principal, ability: AppAbility, args: StatisticsArgs): Promise<StatisticsSeries[]> {
    const { tenantId } = principal;
    checkRange(args.from, args.to);
    const filter = this.filterOf(ability, args);
    const groupField = GROUP_FIELDS[args.groupBy];
    const family = familyFor(groupField, fieldsOf(filter));
    const accumulator = new SeriesAccumulator(args.measure, args.period, groupField);
    const axis = new Set<string>();
    for (const timeZone of await this.zones.list(tenantId)) {
      const parts = splitRange(args.from, args.to, timeZone, { years: args.period !== StatisticsPeriod.DAY });
      if (!parts.length) continue;
      const before = accumulator.contributions;
      if (family) await this.readRollups(tenantId, family, timeZone, parts, filter, accumulator, args.period);
      const rawDays = family ? parts.filter(isRaw).map((part) => part.day) : allDays(parts);
      const inRange = { startedAt: { $gte: args.from, $lt: args.to } };
      for await (const fact of this.facts.ofZoneDays(tenantId, timeZone, rawDays, {
        $and: [filter, inRange],
      })) {
        accumulator.addFact(fact);
      }
      // The axis spans the range as the zones with sessions in it see it.
      if (accumulator.contributions === before) continue;
      for (const label of axisOf(args.period, firstDay(args.from, timeZone), lastDay(args.to, timeZone))) {
        axis.add(label);
      }
    }
    return this.toSeries(tenantId, ability, args, accumulator, sortedAxis(args.period, axis));
  }

  /** The caller's filter narrowed to what its ability lets it see. */
  private filterOf(ability: AppAbility, args: StatisticsArgs): Filter {
    const conditions: Filter[] = [accessibleQuery(ability, 'list', 'Statistics')];
    for (const [field, value] of Object.entries(args.filter ?? {}) as [string, unknown][]) {
      if (value !== undefined && value !== null) conditions.push({ [field]: value });
    }
    const nonEmpty = conditions.filter((condition) => Object.keys(condition).length > 0);
    return nonEmpty.length ? { $and: nonEmpty } : {};
  }

  private async readRollups(
    tenantId: TenantId,
    family: BucketFamily,
    timeZone: string,
    parts: RangePart[],
    filter: Filter,
    accumulator: SeriesAccumulator,
    period: StatisticsPeriod,
  ): Promise<void> {
    for (const scale of ['year', 'month', 'day'] as const) {
      const periods = parts
        .filter((part) => part.scale === scale)
        .map((part) => (part as { period: string }).period);
      const selection = { family, scale, timeZone, periods };
      for await (const bucket of this.rollups.query(
        tenantId,
        selection,
        filter,
        partsNeeded(period, scale),
      )) {
        accumulator.addBucket(bucket);
      }
    }
  }

  private async toSeries(
    tenantId: TenantId,
    ability: AppAbility,
    args: StatisticsArgs,
    accumulator: SeriesAccumulator,
    axis: string[],
  ): Promise<StatisticsSeries[]> {
    const entries = accumulator.entries();
    if (entries.length * axis.length > MAX_POINTS) {
      throw new BadInputError(
        `${entries.length} series of ${axis.length} periods is more than ${MAX_POINTS} points: narrow the range, the period or the filter`,
      );
    }
    const labels = await this.labels.of(
      tenantId,
      ability,
      args.groupBy,
      entries.map(([key]) => key),
    );
    const round = (value: number): number => Math.round(value * 1000) / 1000;
    return entries
      .map(([key, values]) => {
        const points = axis.map((period) => ({ period, value: round(values.get(period) ?? 0) }));
        const total = round([...values.values()].reduce((sum, value) => sum + value, 0));
        return { key, label: labels.get(key) ?? null, points, total };
      })
      .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  }
}

/** Which breakdowns of rollups of `scale` a period needs. */
function partsNeeded(period: StatisticsPeriod, scale: BucketScale): RollupPart[] {
  switch (period) {
    case StatisticsPeriod.YEAR:
      return ['totals'];
    case StatisticsPeriod.MONTH:
      return [scale === 'year' ? 'parts' : 'totals'];
    case StatisticsPeriod.DAY:
      return [scale === 'day' ? 'totals' : 'parts'];
    case StatisticsPeriod.HOUR:
      return [scale === 'day' ? 'parts' : 'hours'];
    case StatisticsPeriod.DAY_OF_WEEK:
      return [scale === 'day' ? 'totals' : 'weekdays'];
  }
}

/** Labels in time order: weekdays from Monday, the others sort as text. */
function sortedAxis(period: StatisticsPeriod, labels: Set<string>): string[] {
  if (period === StatisticsPeriod.DAY_OF_WEEK) return WEEKDAYS.filter((day) => labels.has(day));
  return [...labels].sort();
}

function isRaw(part: RangePart): part is Extract<RangePart, { scale: 'raw' }> {
  return part.scale === 'raw';
}

/** Every local day of a range's parts (when the sessions themselves answer the whole range). */
function allDays(parts: RangePart[]): string[] {
  const from = parts[0];
  const to = parts[parts.length - 1];
  const first =
    from.scale === 'raw'
      ? from.day
      : from.period.length === 4
        ? `${from.period}-01-01`
        : from.period.length === 7
          ? `${from.period}-01`
          : from.period;
  const last = to.scale === 'raw' ? to.day : lastDayOfPeriod(to.period);
  return axisOf(StatisticsPeriod.DAY, first, last);
}

function lastDayOfPeriod(period: string): string {
  if (period.length === 10) return period;
  const [year, month] = period.length === 4 ? [Number(period), 12] : period.split('-').map(Number);
  return dayKey(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function firstDay(from: Date, timeZone: string): string {
  const local = localParts(from, timeZone);
  return dayKey(local.year, local.month, local.day);
}

/** The local day of the last instant before `to`. */
function lastDay(to: Date, timeZone: string): string {
  return firstDay(new Date(to.getTime() - 1), timeZone);
}

function checkRange(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime())) throw new BadInputError('to must be after from', { field: 'to' });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new BadInputError(`The range may span at most ${MAX_RANGE_DAYS} days`, { field: 'to' });
  }
}
