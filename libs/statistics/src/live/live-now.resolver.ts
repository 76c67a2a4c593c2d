import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { LiveNowService } from './live-now.service';
import { LiveNow } from './models/live-now.model';

@Resolver()
export class LiveNowResolver {
  constructor(private readonly live: LiveNowService) {}

  @Query(() => LiveNow, {
    description:
      'Power drawn now per site and site area, stations online and by status, sessions in progress: of the stations and sessions you may see (one site when `siteId` is given). From memory: poll it freely',
  })
  @CheckAbility('list', 'Statistics')
  liveNow(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<LiveNow> {
    if (siteId !== undefined && siteId !== null && (siteId.length === 0 || siteId.length > 100)) {
      throw new BadInputError('siteId must be a site id', { field: 'siteId' });
    }
    return this.live.now(principal.tenantId, ability, siteId ?? undefined);
  }
}
