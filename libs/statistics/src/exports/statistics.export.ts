import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { ExportCell, ExportJob, ExportKind, ExportRegistry, ExportScope, ExportService } from '@csms/exports';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { StatisticsArgs } from '../dto/statistics.args';
import { StatisticsQueryService } from '../query/statistics-query.service';

/** A statistics query as CSV: one row per group and period (what a BI tool pivots). */
@Injectable()
export class StatisticsExport implements ExportKind<StatisticsArgs>, OnModuleInit {
  readonly name = 'statistics';
  readonly subject = 'Statistics' as const;
  readonly columns = ['key', 'label', 'period', 'measure', 'value'] as const;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly statistics: StatisticsQueryService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async count({ principal, ability }: ExportScope, args: StatisticsArgs): Promise<number> {
    const series = await this.statistics.series(principal, ability, args);
    return series.reduce((rows, one) => rows + one.points.length, 0);
  }

  async *rows({ principal, ability }: ExportScope, args: StatisticsArgs): AsyncIterable<ExportCell[]> {
    // Stored as JSON with the job: the dates come back as text.
    const query = { ...args, from: new Date(args.from), to: new Date(args.to) };
    for (const series of await this.statistics.series(principal, ability, query)) {
      for (const point of series.points)
        yield [series.key, series.label, point.period, args.measure, point.value];
    }
  }
}

@Resolver()
export class StatisticsExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => ExportJob, { description: 'CSV of a statistics query: one row per group and period' })
  @CheckAbility('list', 'Statistics')
  exportStatistics(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: StatisticsArgs,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'statistics', { ...args });
  }
}
