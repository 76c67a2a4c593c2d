import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { StatisticsArgs } from '../dto/statistics.args';
import { StatisticsSeries } from '../models/statistics-series.model';
import { StatisticsQueryService } from './statistics-query.service';

@Resolver()
export class StatisticsResolver {
  constructor(private readonly queries: StatisticsQueryService) {}

  @Query(() => [StatisticsSeries], {
    description:
      'Completed sessions (counted by their start) as chart series: one per group, over every period of the range in local time',
  })
  @CheckAbility('list', 'Statistics')
  statistics(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: StatisticsArgs,
  ): Promise<StatisticsSeries[]> {
    return this.queries.series(principal, ability, args);
  }
}
