import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ChargingRateUnit } from '../commands/command-enums';
import { StationAccessGuard } from '../commands/station-access.guard';
import { MAX_AMPS, SetStationLimitArgs, StationLimitTargetArgs } from './dto/station-limit.args';
import { StaticLimitResult } from './models/static-limit-result.model';
import { StationLimitService } from './station-limit.service';

/** Static limits of one station or connector; the station's refusal comes back in the result. */
@Resolver()
@UseGuards(StationAccessGuard)
export class StationLimitResolver {
  constructor(private readonly limits: StationLimitService) {}

  @Mutation(() => StaticLimitResult, {
    description:
      'Limits a station (connectorId 0) or connector until cleared: a charging profile when the station ' +
      'does smart charging (or nobody knows), else its template static-limitation configuration key',
  })
  @CheckAbility('command', 'ChargingStation')
  setChargingStationLimit(
    @CurrentPrincipal() principal: Principal,
    @Args() args: SetStationLimitArgs,
  ): Promise<StaticLimitResult> {
    if (args.unit === ChargingRateUnit.A && args.limit > MAX_AMPS) {
      throw new BadInputError(`A current limit above ${MAX_AMPS} A is surely a unit mistake`, {
        field: 'limit',
      });
    }
    return this.limits.set(
      principal.tenantId,
      args.chargingStationId,
      args.connectorId,
      args.limit,
      args.unit,
    );
  }

  @Mutation(() => StaticLimitResult, { description: 'Lifts the static limit of a station or connector' })
  @CheckAbility('command', 'ChargingStation')
  clearChargingStationLimit(
    @CurrentPrincipal() principal: Principal,
    @Args() args: StationLimitTargetArgs,
  ): Promise<StaticLimitResult> {
    return this.limits.clear(principal.tenantId, args.chargingStationId, args.connectorId);
  }
}
