import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Float, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { PriceEstimateModel } from '../estimate/models/price-estimate.model';
import { PricingQueryService } from '../estimate/pricing-query.service';
import { TariffResolutionModel } from './models/tariff-resolution.model';
import { TariffResolutionResult } from './tariff-resolution';

@Resolver()
export class TariffResolutionResolver {
  constructor(private readonly pricing: PricingQueryService) {}

  @Query(() => TariffResolutionModel, {
    description: 'The tariff a session started now would get (with this badge, or the caller’s own), and why',
  })
  @CheckAbility('read', 'Tariff')
  tariffResolution(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('chargingStationId', { type: () => ID }) chargingStationId: string,
    @Args('connectorId', { type: () => Int }) connectorId: number,
    @Args('tagId', { type: () => ID, nullable: true }) tagId?: string,
    @Args('at', { type: () => Date, nullable: true, description: 'Default: now' }) at?: Date,
  ): Promise<TariffResolutionResult> {
    return this.pricing.resolve(principal, ability, {
      chargingStationId,
      connectorId,
      tagId: tagId ?? undefined,
      at: at ?? undefined,
    });
  }

  @Query(() => PriceEstimateModel, {
    description: 'What a session would cost, by dimension, before it starts',
  })
  @CheckAbility('read', 'Tariff')
  priceEstimate(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('chargingStationId', { type: () => ID }) chargingStationId: string,
    @Args('connectorId', { type: () => Int }) connectorId: number,
    @Args('energyKWh', { type: () => Float }) energyKWh: number,
    @Args('startAt', { type: () => Date }) startAt: Date,
    @Args('durationMinutes', { type: () => Int }) durationMinutes: number,
    @Args('tagId', { type: () => ID, nullable: true }) tagId?: string,
  ): Promise<PriceEstimateModel> {
    return this.pricing.estimate(principal, ability, {
      chargingStationId,
      connectorId,
      tagId: tagId ?? undefined,
      energyKWh,
      startAt,
      durationMinutes,
    });
  }
}
