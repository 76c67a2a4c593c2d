import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SiteAreaLimitArgs } from './dto/site-area-limit.args';
import { SiteAreaLimitResult } from './models/site-area-limit-result.model';
import { SiteAreaLimitService } from './site-area-limit.service';

@Resolver()
export class SiteAreaLimitResolver {
  constructor(private readonly limits: SiteAreaLimitService) {}

  @Mutation(() => SiteAreaLimitResult, {
    description:
      'Splits limitWatts evenly (whole watts, rounded down) over the stations of the area and its ' +
      'sub-areas and limits each station to its share; each station answer is in the result',
  })
  @CheckAbility('update', 'SiteArea')
  setSiteAreaLimit(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: SiteAreaLimitArgs,
  ): Promise<SiteAreaLimitResult> {
    return this.limits.apply(principal, ability, args.siteAreaId, args.limitWatts);
  }
}
