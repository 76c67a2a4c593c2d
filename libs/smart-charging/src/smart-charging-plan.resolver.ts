import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { ForbiddenError } from '@csms/common';
import { EventBus } from '@csms/events';
import { SiteAreaService } from '@csms/organizations';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { SMART_CHARGING_PLAN_UPDATED, SmartChargingPlanUpdatedEvent } from './events/smart-charging-events';
import { SmartChargingPlan } from './models/smart-charging-plan.model';
import { SmartChargingPlanRepository } from './plans/smart-charging-plan.repository';
import { planViewFor } from './plans/plan-view';
import { SmartChargingScheduler } from './triggers/smart-charging.scheduler';

@Resolver()
export class SmartChargingPlanResolver {
  constructor(
    private readonly siteAreas: SiteAreaService,
    private readonly plans: SmartChargingPlanRepository,
    private readonly scheduler: SmartChargingScheduler,
    private readonly events: EventBus,
  ) {}

  @Query(() => SmartChargingPlan, {
    nullable: true,
    description:
      "Each connector's schedule in the area (and its sub-areas) and why; null before the first plan",
  })
  @CheckAbility('read', 'SiteArea')
  async smartChargingPlan(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteAreaId', { type: () => ID }) siteAreaId: string,
  ): Promise<SmartChargingPlan | null> {
    await this.siteAreas.getReadable(principal, ability, siteAreaId);
    const plan = await this.plans.containing(principal.tenantId, siteAreaId);
    return plan ? planViewFor(plan, siteAreaId) : null;
  }

  @Mutation(() => SmartChargingPlan, {
    description: "Plans the area's tree now, sends what changed, returns the plan",
  })
  @CheckAbility('update', 'SiteArea')
  async triggerSmartCharging(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteAreaId', { type: () => ID }) siteAreaId: string,
  ): Promise<SmartChargingPlan> {
    const area = await this.siteAreas.getReadable(principal, ability, siteAreaId);
    if (!canOn(ability, 'update', 'SiteArea', area))
      throw new ForbiddenError('You may not update this SiteArea');
    const plan = await this.scheduler.runNow(principal.tenantId, siteAreaId);
    return plan ? planViewFor(plan, siteAreaId) : { siteAreaId, computedAt: new Date(), connectors: [] };
  }

  @Subscription(() => SmartChargingPlan, {
    description: 'Every new plan of the area (its tree planned again)',
    resolve: (event: SmartChargingPlanUpdatedEvent, args: { siteAreaId: string }) =>
      planViewFor(event.payload.plan, args.siteAreaId),
  })
  @CheckAbility('read', 'SiteArea')
  async smartChargingPlanUpdated(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteAreaId', { type: () => ID }) siteAreaId: string,
  ): Promise<AsyncIterableIterator<SmartChargingPlanUpdatedEvent>> {
    await this.siteAreas.getReadable(principal, ability, siteAreaId);
    return this.events.iterate<SmartChargingPlanUpdatedEvent>(
      [SMART_CHARGING_PLAN_UPDATED],
      (event) => event.tenantId === principal.tenantId && event.payload.plan.areaIds.includes(siteAreaId),
    );
  }
}
