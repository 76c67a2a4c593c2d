import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { StationAccessGuard } from '../commands/station-access.guard';
import { ChargingStation, RegistrationStatus } from '../models/charging-station.model';
import { CommandResultModel } from '../models/command-result.model';
import { SecurityProfileInput, StationPasswordInput } from './dto/station-security.inputs';
import { StationSecurityService } from './station-security.service';

const stationIdArg = { name: 'chargingStationId', type: () => ID };

@Resolver()
@UseGuards(StationAccessGuard)
export class StationSecurityResolver {
  constructor(private readonly security: StationSecurityService) {}

  @Mutation(() => CommandResultModel, {
    description:
      'Sends a station a new HTTP Basic password (1.6 AuthorizationKey, 2.0.1 SecurityCtrlr.BasicAuthPassword); it becomes the station\'s password once the station accepts it. A generated one is in `data` as {"password"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async changeChargingStationPassword(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input', { type: () => StationPasswordInput, nullable: true }) input?: StationPasswordInput,
  ): Promise<CommandResultModel> {
    const result = await this.security.changePassword(principal.tenantId, stationId, input?.password);
    return { status: result.status, ...(result.data ? { data: JSON.stringify(result.data) } : {}) };
  }

  @Mutation(() => CommandResultModel, {
    description:
      'Moves a station to another OCPP security profile (1.6 SecurityProfile key, 2.0.1 network profile) and resets it; once it accepts, connections below that profile are refused. `data`: {"reset"} (and 2.0.1 {"configurationSlot"})',
  })
  @CheckAbility('command', 'ChargingStation')
  async setChargingStationSecurityProfile(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: SecurityProfileInput,
  ): Promise<CommandResultModel> {
    const result = await this.security.setSecurityProfile(principal.tenantId, stationId, { ...input });
    return { status: result.status, ...(result.data ? { data: JSON.stringify(result.data) } : {}) };
  }

  @Mutation(() => ChargingStation, {
    description:
      'What the station’s BootNotification is answered: PENDING holds it back (its other messages are refused) until ACCEPTED, which asks a connected station to boot again',
  })
  @CheckAbility('update', 'ChargingStation')
  setChargingStationRegistrationStatus(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('status', { type: () => RegistrationStatus }) status: RegistrationStatus,
  ): Promise<ChargingStation> {
    return this.security.setRegistrationStatus(principal.tenantId, stationId, status);
  }
}
