import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { BadInputError, ForbiddenError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Tag, TagService } from '@csms/users';
import { Optional, UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { ChargingStationService } from '../charging-station.service';
import { ChargingProfileGraphQLInput } from '../dto/charging-profile.input';
import {
  ClearChargingProfileInput,
  DataTransferInput,
  GetCompositeScheduleInput,
  GetDiagnosticsInput,
  ReserveNowInput,
  SendLocalListInput,
  UpdateFirmwareInput,
} from '../dto/station-command.inputs';
import { CHARGING_PROFILE_SET } from '../events/station-events';
import { CommandResultModel } from '../models/command-result.model';
import { ConfigurationKey } from '../models/configuration-key.model';
import { RemoteStartCars } from '../ports/remote-start-car.port';
import { CommandResult, LocalListEntry, StationCommands } from '../ports/station-commands.port';
import { AvailabilityType, LocalListUpdateType, ResetType } from './command-enums';
import { toLocalListEntry } from './local-list';
import { StationAccessGuard } from './station-access.guard';
import { StationCommandService } from './station-command.service';

const MAX_LOCAL_LIST_ENTRIES = 10_000;

function toGraphQL(result: CommandResult): CommandResultModel {
  return { status: result.status, data: result.data ? JSON.stringify(result.data) : undefined };
}

const stationIdArg = { name: 'chargingStationId', type: () => ID };

/** Every central-system → station command; the station's answer comes back as CommandResult. */
@Resolver()
@UseGuards(StationAccessGuard)
export class StationCommandResolver {
  constructor(
    private readonly commands: StationCommandService,
    private readonly tags: TagService,
    private readonly events: EventBus,
    private readonly stations: ChargingStationService,
    @Optional() private readonly remoteStartCars?: RemoteStartCars,
  ) {}

  @Mutation(() => CommandResultModel, {
    description:
      'Those who command the station start with any badge; drivers with one of their own active badges. `carId`: the badge holder’s car the session charges (else their default car)',
  })
  @CheckAbility('start', 'ChargingStation')
  async remoteStartTransaction(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(stationIdArg) stationId: string,
    @Args('tagId', { type: () => ID }) tagId: string,
    @Args('connectorId', { type: () => Int, nullable: true }) connectorId?: number,
    @Args('chargingProfile', { type: () => ChargingProfileGraphQLInput, nullable: true })
    chargingProfile?: ChargingProfileGraphQLInput,
    @Args('carId', { type: () => ID, nullable: true }) carId?: string,
  ): Promise<CommandResultModel> {
    await this.assertMayStartWith(principal, ability, stationId, tagId);
    if (carId) await this.chooseCar(principal.tenantId, stationId, tagId, carId);
    const result = await this.run(principal.tenantId, stationId, (port) =>
      port.remoteStart(principal.tenantId, stationId, {
        connectorId: connectorId ?? undefined,
        idTag: tagId,
        chargingProfile: chargingProfile ?? undefined,
      }),
    ).catch(async (error: unknown) => {
      if (carId) await this.remoteStartCars?.forget(principal.tenantId, stationId, tagId);
      throw error;
    });
    if (carId && result.status !== 'Accepted') {
      await this.remoteStartCars?.forget(principal.tenantId, stationId, tagId);
    }
    return result;
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  reset(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('type', { type: () => ResetType }) type: ResetType,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.reset(principal.tenantId, stationId, type === ResetType.HARD ? 'Hard' : 'Soft'),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  unlockConnector(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('connectorId', { type: () => Int }) connectorId: number,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.unlockConnector(principal.tenantId, stationId, connectorId),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  clearCache(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) => port.clearCache(principal.tenantId, stationId));
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  changeAvailability(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('connectorId', { type: () => Int }) connectorId: number,
    @Args('type', { type: () => AvailabilityType }) type: AvailabilityType,
  ): Promise<CommandResultModel> {
    const kind = type === AvailabilityType.OPERATIVE ? 'Operative' : 'Inoperative';
    return this.run(principal.tenantId, stationId, (port) =>
      port.changeAvailability(principal.tenantId, stationId, connectorId, kind),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  changeConfiguration(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('key') key: string,
    @Args('value') value: string,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.changeConfiguration(principal.tenantId, stationId, key, value),
    );
  }

  @Mutation(() => [ConfigurationKey])
  @CheckAbility('command', 'ChargingStation')
  async getConfiguration(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('keys', { type: () => [String], nullable: true }) keys?: string[],
  ): Promise<ConfigurationKey[]> {
    const report = await this.commands.send(principal.tenantId, stationId, (port) =>
      port.getConfiguration(principal.tenantId, stationId, keys ?? undefined),
    );
    return report.keys;
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  triggerMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('message') message: string,
    @Args('connectorId', { type: () => Int, nullable: true }) connectorId?: number,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.triggerMessage(principal.tenantId, stationId, { message, connectorId: connectorId ?? undefined }),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  dataTransfer(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: DataTransferInput,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.dataTransfer(principal.tenantId, stationId, input),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  getDiagnostics(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: GetDiagnosticsInput,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.getDiagnostics(principal.tenantId, stationId, input),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  updateFirmware(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: UpdateFirmwareInput,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.updateFirmware(principal.tenantId, stationId, input),
    );
  }

  @Mutation(() => CommandResultModel, {
    description: "Sends the given tags of the tenant as the station's local list",
  })
  @CheckAbility('command', 'ChargingStation')
  async sendLocalList(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: SendLocalListInput,
  ): Promise<CommandResultModel> {
    const updateType = input.updateType === LocalListUpdateType.FULL ? 'Full' : 'Differential';
    const entries = await this.localListEntries(principal, ability, input, updateType);
    return this.run(principal.tenantId, stationId, (port) =>
      port.sendLocalList(principal.tenantId, stationId, {
        listVersion: input.listVersion,
        updateType,
        entries,
      }),
    );
  }

  @Mutation(() => CommandResultModel, { description: 'The list version is in `data` as {"listVersion": n}' })
  @CheckAbility('command', 'ChargingStation')
  getLocalListVersion(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.getLocalListVersion(principal.tenantId, stationId),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  async reserveNow(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: ReserveNowInput,
  ): Promise<CommandResultModel> {
    const tag = await this.tags.findByTagId(principal.tenantId, input.tagId);
    return this.run(principal.tenantId, stationId, (port) =>
      port.reserveNow(principal.tenantId, stationId, {
        connectorId: input.connectorId,
        expiryDate: input.expiryDate,
        idTag: input.tagId,
        parentIdTag: tag?.parentTagId,
        reservationId: input.reservationId,
        connectorType: input.connectorType,
      }),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  cancelReservation(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('reservationId', { type: () => Int }) reservationId: number,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.cancelReservation(principal.tenantId, stationId, reservationId),
    );
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  async setChargingProfile(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('connectorId', { type: () => Int }) connectorId: number,
    @Args('profile', { type: () => ChargingProfileGraphQLInput }) profile: ChargingProfileGraphQLInput,
  ): Promise<CommandResultModel> {
    const result = await this.run(principal.tenantId, stationId, (port) =>
      port.setChargingProfile(principal.tenantId, stationId, connectorId, profile),
    );
    if (result.status === 'Accepted') {
      await this.events.publish(
        domainEvent(CHARGING_PROFILE_SET, principal.tenantId, {
          chargingStationId: stationId,
          connectorId,
          profile,
        }),
      );
    }
    return result;
  }

  @Mutation(() => CommandResultModel)
  @CheckAbility('command', 'ChargingStation')
  clearChargingProfile(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input', { type: () => ClearChargingProfileInput, nullable: true })
    input?: ClearChargingProfileInput,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.clearChargingProfile(principal.tenantId, stationId, { ...input }),
    );
  }

  @Mutation(() => CommandResultModel, { description: 'The schedule is in `data` as JSON' })
  @CheckAbility('command', 'ChargingStation')
  getCompositeSchedule(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: GetCompositeScheduleInput,
  ): Promise<CommandResultModel> {
    return this.run(principal.tenantId, stationId, (port) =>
      port.getCompositeSchedule(principal.tenantId, stationId, input),
    );
  }

  /** Drivers (who may start but not command the station) start only with their own usable badges. */
  private async assertMayStartWith(
    principal: Principal,
    ability: AppAbility,
    stationId: string,
    tagId: string,
  ): Promise<void> {
    const station = await this.stations.find(principal.tenantId, stationId);
    // An unknown station is answered NOT_FOUND by the command itself.
    if (!station || canOn(ability, 'command', 'ChargingStation', station)) return;
    const tag = await this.tags.findByTagId(principal.tenantId, tagId);
    const usable = tag?.active && (!tag.expiresAt || tag.expiresAt.getTime() > Date.now());
    if (tag?.userId !== principal.userId || !usable) {
      throw new ForbiddenError('You may start a session only with one of your own active badges');
    }
  }

  /** Before the station is asked: the session it starts with this badge will charge this car. */
  private async chooseCar(
    tenantId: TenantId,
    stationId: string,
    tagId: string,
    carId: string,
  ): Promise<void> {
    if (!this.remoteStartCars) throw new BadInputError('Cars are not kept here', { field: 'carId' });
    const tag = await this.tags.findByTagId(tenantId, tagId);
    if (!tag?.userId)
      throw new BadInputError('The badge has no driver whose car it could be', { field: 'carId' });
    await this.remoteStartCars.choose(tenantId, {
      chargingStationId: stationId,
      tagId,
      driverId: tag.userId,
      carId,
    });
  }

  private async run(
    tenantId: TenantId,
    stationId: string,
    command: (port: StationCommands) => Promise<CommandResult>,
  ): Promise<CommandResultModel> {
    return toGraphQL(await this.commands.send(tenantId, stationId, command));
  }

  private async localListEntries(
    principal: Principal,
    ability: AppAbility,
    input: SendLocalListInput,
    updateType: 'Full' | 'Differential',
  ): Promise<LocalListEntry[]> {
    const removals = [...new Set(input.removeTagIds ?? [])].map((idTag): LocalListEntry => ({ idTag }));
    if (removals.length && updateType === 'Full') {
      throw new BadInputError('A full list replaces the station’s: removeTagIds is for DIFFERENTIAL', {
        field: 'removeTagIds',
      });
    }
    if (!input.tagIds && removals.length) return removals;
    return [...(await this.listedEntries(principal, ability, input, updateType)), ...removals];
  }

  private async listedEntries(
    principal: Principal,
    ability: AppAbility,
    input: SendLocalListInput,
    updateType: 'Full' | 'Differential',
  ): Promise<LocalListEntry[]> {
    const now = new Date();
    if (!input.tagIds) {
      if (updateType === 'Differential')
        throw new BadInputError('A differential list needs tagIds', { field: 'tagIds' });
      return (await this.allTags(principal, ability)).map((tag) =>
        toLocalListEntry(tag.id, tag, updateType, now),
      );
    }
    const unique = [...new Set(input.tagIds)];
    const tags = await Promise.all(unique.map((tagId) => this.tags.findByTagId(principal.tenantId, tagId)));
    return unique.map((idTag, index) => toLocalListEntry(idTag, tags[index], updateType, now));
  }

  /** Every tag of the tenant the caller may list, page by page. */
  private async allTags(principal: Principal, ability: AppAbility): Promise<Tag[]> {
    const tags: Tag[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.tags.list(principal, ability, { first: 500, after });
      tags.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || tags.length >= MAX_LOCAL_LIST_ENTRIES) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    if (tags.length > MAX_LOCAL_LIST_ENTRIES) {
      throw new BadInputError(`The tenant has more than ${MAX_LOCAL_LIST_ENTRIES} tags: send them by tagIds`);
    }
    return tags;
  }
}
