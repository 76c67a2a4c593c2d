import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import { BadInputError, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { driverKeyOf } from '../facts/session-fact';
import { FactAccess, SessionFactRepository } from '../facts/session-fact.repository';
import { StatisticsArgs } from '../dto/statistics.args';
import { StatisticsPeriod } from '../models/statistics-enums';
import { StatisticsSeries } from '../models/statistics-series.model';
import { Bucket, BucketFamily, BucketScale, FAMILY_KEY_FIELDS, KEEPS_DAYS } from '../rollups/bucket';
import { RollupSelection, StatisticsRollupRepository } from '../rollups/statistics-rollup.repository';
import { StatisticsZonesRepository } from '../rollups/statistics-zones.repository';
import { RangePlan, planRange } from '../time/range-plan';
import { StatisticsLabels } from './statistics-labels';
import {
  Condition,
  GROUP_FIELDS,
  disjointParts,
  familyFor,
  fieldsOf,
  flatten,
  narrows,
  pinnedValue,
} from './statistics-plan';
import { SeriesAccumulator, WEEKDAYS, axisOf } from './series-accumulator';

/** Beyond this many points (series × periods) a query is refused: no chart shows them. */
export const MAX_POINTS = 200_000;
const MAX_RANGE_DAYS = 366 * 10;

interface Question {
  tenantId: TenantId;
  from: Date;
  to: Date;
  period: StatisticsPeriod;
  conditions: Condition[];
  accumulator: SeriesAccumulator;
}

/**
 * Answers `statistics` in each time zone from the coarsest rollups that cover each part of the
 * range (whole years, months, days, hours of the edge days), of the smallest family that knows what
 * is grouped and filtered by, and from the sessions themselves for what no rollup covers (parts of
 * hours, hours of drivers' partial days) or when no family knows every field asked for.
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
    const groupField = GROUP_FIELDS[args.groupBy];
    const accumulator = new SeriesAccumulator(args.measure, args.period, groupField);
    const axis = new Set<string>();
    const parts = disjointParts(this.conditionsOf(ability, args));
    // Zones and parts are disjoint, so all their reads run at once: the answer waits for the slowest
    // read, not for the sum of them (each is a database round trip).
    const zones = await this.zones.list(tenantId);
    await Promise.all(
      zones.map(async (timeZone) => {
        const plan = planRange(args.from, args.to, timeZone, { years: args.period !== StatisticsPeriod.DAY });
        if (!plan) return;
        const zone = new SeriesAccumulator(args.measure, args.period, groupField);
        await Promise.all(
          parts.map((conditions) => {
            const question = { tenantId, from: args.from, to: args.to, period: args.period, conditions };
            const family = familyFor(groupField, fieldsOf(conditions));
            return family
              ? this.fromRollups({ ...question, accumulator: zone }, family, timeZone, plan)
              : this.fromFacts({ ...question, accumulator: zone }, timeZone, plan);
          }),
        );
        // The axis spans the range as the zones with sessions in it see it.
        if (!zone.contributions) return;
        accumulator.absorb(zone);
        for (const label of axisOf(args.period, plan.firstDay, plan.lastDay)) axis.add(label);
      }),
    );
    return this.toSeries(tenantId, ability, args, accumulator, sortedAxis(args.period, axis));
  }

  /** The caller's filter and what its ability lets it see, as conditions that all hold. */
  private conditionsOf(ability: AppAbility, args: StatisticsArgs): Condition[] {
    const conditions = flatten(accessibleQuery(ability, 'list', 'Statistics'));
    for (const [field, value] of Object.entries(args.filter ?? {}) as [string, unknown][]) {
      if (value !== undefined && value !== null) conditions.push({ [field]: value });
    }
    return conditions;
  }

  private async fromRollups(
    q: Question,
    family: BucketFamily,
    timeZone: string,
    plan: RangePlan,
  ): Promise<void> {
    const known = new Set<string>(FAMILY_KEY_FIELDS[family]);
    // A pinned user or site has its own index (any zone); otherwise the zone's rollups are read.
    const pinned = ['userId', 'siteId'].some((field) => known.has(field) && narrows(q.conditions, field));
    const select = (scale: BucketScale, periods: string[]): RollupSelection => ({
      family,
      scale,
      periods,
      timeZone: pinned ? undefined : timeZone,
      zoneOfResults: timeZone,
    });
    const read = async (scale: BucketScale, periods: string[], add: (bucket: Bucket) => void) => {
      if (!periods.length) return;
      for await (const bucket of this.rollups.query(q.tenantId, select(scale, periods), q.conditions))
        add(bucket);
    };
    const hourly = q.period === StatisticsPeriod.HOUR;
    const partialMonthDays = new Map(plan.partialMonths.map((part) => [part.month, part.days]));
    const wholeDays = hourly
      ? plan.partialMonths.flatMap((part) => part.days.map((day) => `${part.month}-${pad(day)}`))
      : [];
    const edgeHours = new Map(plan.partialDays.map((part) => [part.day, part.hours]));
    // Disjoint parts of the range, so their reads run at once (the sums do not depend on the order).
    const reads = [
      read('year', plan.years, (bucket) => q.accumulator.addYear(bucket)),
      // Whole months, and (but per hour) the days of partial ones from their months' breakdowns.
      read('month', [...plan.months, ...(hourly ? [] : partialMonthDays.keys())], (bucket) =>
        q.accumulator.addMonth(bucket, partialMonthDays.get(bucket.period)),
      ),
    ];
    if (KEEPS_DAYS[family]) {
      // Whole days (per hour only), and the whole hours of the edge days.
      reads.push(
        read('day', [...wholeDays, ...edgeHours.keys()], (bucket) =>
          q.accumulator.addDay(bucket, edgeHours.get(bucket.period)),
        ),
      );
      for (const part of plan.partialDays) {
        for (const interval of part.rest) reads.push(this.addFacts(q, timeZone, [part.day], interval));
      }
    } else {
      reads.push(this.addFacts(q, timeZone, wholeDays));
      // A family without days: its edge days from the sessions (those inside the range).
      reads.push(this.addFacts(q, timeZone, [...edgeHours.keys()], { from: q.from, to: q.to }));
    }
    await Promise.all(reads);
  }

  private async fromFacts(q: Question, timeZone: string, plan: RangePlan): Promise<void> {
    await this.addFacts(q, timeZone, axisOf(StatisticsPeriod.DAY, plan.firstDay, plan.lastDay), {
      from: q.from,
      to: q.to,
    });
  }

  /** Sessions of a zone's `days` (started in `startedAt` when given) into the series. */
  private async addFacts(
    q: Question,
    timeZone: string,
    days: string[],
    startedAt?: { from: Date; to: Date },
  ): Promise<void> {
    if (!days.length) return;
    const access = accessFor(q.conditions, timeZone);
    for await (const fact of this.facts.matching(q.tenantId, access, days, q.conditions, startedAt)) {
      if (fact.timeZone === timeZone) q.accumulator.addFact(fact);
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

/** The index facts are read through: a pinned driver's or station's, else the zone's days. */
function accessFor(conditions: readonly Condition[], timeZone: string): FactAccess {
  const userId = pinnedValue(conditions, 'userId');
  if (userId) return { by: 'driver', driverKey: driverKeyOf({ userId }) };
  const chargingStationId = pinnedValue(conditions, 'chargingStationId');
  if (chargingStationId) return { by: 'station', chargingStationId };
  return { by: 'zone', timeZone };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Labels in time order: weekdays from Monday, the others sort as text. */
function sortedAxis(period: StatisticsPeriod, labels: Set<string>): string[] {
  if (period === StatisticsPeriod.DAY_OF_WEEK) return WEEKDAYS.filter((day) => labels.has(day));
  return [...labels].sort();
}

function checkRange(from: Date, to: Date): void {
  if (!(to.getTime() > from.getTime())) throw new BadInputError('to must be after from', { field: 'to' });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new BadInputError(`The range may span at most ${MAX_RANGE_DAYS} days`, { field: 'to' });
  }
}
