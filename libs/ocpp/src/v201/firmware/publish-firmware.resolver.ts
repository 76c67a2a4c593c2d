import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import { CommandResultModel, StationAccessGuard } from '@csms/stations';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { commandResult } from '../../commands/command-result';
import { newRequestId } from '../../commands/request-ids';
import { Ocpp201SessionLocator } from '../ocpp201-session.locator';
import { call201 } from '../v201-commands';
import { PublishFirmwareInput } from './dto/publish-firmware.input';

const stationIdArg = { name: 'chargingStationId', type: () => ID };

const MD5 = /^[0-9a-fA-F]{32}$/;

/**
 * L Firmware of a local controller (OCPP 2.0.1 L03/L04): it publishes a firmware file to the stations
 * behind it; its PublishFirmwareStatusNotifications are kept (chargingStationNotifications).
 */
@Resolver()
@UseGuards(StationAccessGuard)
export class PublishFirmwareResolver {
  constructor(private readonly sessions: Ocpp201SessionLocator) {}

  @Mutation(() => CommandResultModel, { description: 'OCPP 2.0.1 PublishFirmware; `data`: {"requestId"}' })
  @CheckAbility('command', 'ChargingStation')
  async publishFirmware(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: PublishFirmwareInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const answer = await call201(session, 'PublishFirmware', {
      location: input.location,
      checksum: input.checksum,
      requestId,
      ...(input.retries === undefined || input.retries === null ? {} : { retries: input.retries }),
      ...(input.retryInterval === undefined || input.retryInterval === null
        ? {}
        : { retryInterval: input.retryInterval }),
    });
    return commandResult(answer.status, { requestId });
  }

  @Mutation(() => CommandResultModel, {
    description: 'OCPP 2.0.1 UnpublishFirmware: Unpublished, NoFirmware or DownloadOngoing',
  })
  @CheckAbility('command', 'ChargingStation')
  async unpublishFirmware(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('checksum', { description: 'MD5 of the published firmware file' }) checksum: string,
  ): Promise<CommandResultModel> {
    if (!MD5.test(checksum)) {
      throw new BadInputError('checksum must be an MD5 in 32 hexadecimal digits', { field: 'checksum' });
    }
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'UnpublishFirmware', { checksum });
    return commandResult(answer.status);
  }
}
