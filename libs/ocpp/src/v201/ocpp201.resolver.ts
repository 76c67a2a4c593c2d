import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { AvailabilityType, CommandResultModel, ResetType, StationAccessGuard } from '@csms/stations';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DeviceModelRepository } from './device-model.repository';
import { ChargingProfileCriteriaInput, toProfileCriterion } from './dto/charging-profile-criteria.input';
import { NetworkProfileInput, VariableSelectorInput } from './dto/ocpp201.inputs';
import { ReportBase } from './dto/ocpp201-enums';
import { DeviceVariableModel } from './models/device-variable.model';
import { StationNotificationModel } from './models/station-notification.model';
import { Ocpp201SessionLocator } from './ocpp201-session.locator';
import { StationNotificationRepository } from './station-notification.repository';
import { call201 } from './v201-commands';
import { toAddress } from './dto/variable-address';
import { commandResult } from '../commands/command-result';
import { newRequestId } from '../commands/request-ids';

const stationIdArg = { name: 'chargingStationId', type: () => ID };

const result = commandResult;

/**
 * Operations only OCPP 2.0.1 has (device model reports, network profiles, certificates, charging
 * profile reports, per-EVSE reset); version-neutral commands stay on the shared mutations.
 */
@Resolver()
@UseGuards(StationAccessGuard)
export class Ocpp201Resolver {
  constructor(
    private readonly sessions: Ocpp201SessionLocator,
    private readonly deviceModel: DeviceModelRepository,
    private readonly notifications: StationNotificationRepository,
  ) {}

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 GetBaseReport; the NotifyReport that follows becomes the device model. `data`: {"requestId"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getBaseReport(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('reportBase', { type: () => ReportBase, defaultValue: ReportBase.FullInventory })
    reportBase: ReportBase,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const answer = await call201(session, 'GetBaseReport', { requestId, reportBase });
    return result(answer.status, { requestId });
  }

  @Mutation(() => CommandResultModel, {
    description: 'OCPP 2.0.1 GetVariables for any device-model variable',
  })
  @CheckAbility('command', 'ChargingStation')
  async getVariable(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('variable') variable: VariableSelectorInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'GetVariables', { getVariableData: [toAddress(variable)] });
    const [first] = answer.getVariableResult;
    return result(
      first.attributeStatus,
      first.attributeValue === undefined ? {} : { value: first.attributeValue },
    );
  }

  @Mutation(() => CommandResultModel, {
    description: 'OCPP 2.0.1 SetVariables for any device-model variable',
  })
  @CheckAbility('command', 'ChargingStation')
  async setVariable(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('variable') variable: VariableSelectorInput,
    @Args('value') value: string,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'SetVariables', {
      setVariableData: [{ ...toAddress(variable), attributeValue: value }],
    });
    return result(answer.setVariableResult[0].attributeStatus);
  }

  @Mutation(() => CommandResultModel, { description: 'OCPP 2.0.1 SetNetworkProfile (OCPP 2.0.1 over JSON)' })
  @CheckAbility('command', 'ChargingStation')
  async setNetworkProfile(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: NetworkProfileInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'SetNetworkProfile', {
      configurationSlot: input.configurationSlot,
      connectionData: {
        ocppVersion: 'OCPP20',
        ocppTransport: 'JSON',
        ocppCsmsUrl: input.ocppCsmsUrl,
        messageTimeout: input.messageTimeout,
        securityProfile: input.securityProfile,
        ocppInterface: input.ocppInterface,
      },
    });
    return result(answer.status);
  }

  @Mutation(() => CommandResultModel, { description: 'OCPP 2.0.1 Reset of one EVSE (0: the whole station)' })
  @CheckAbility('command', 'ChargingStation')
  async resetEvse(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('evseId', { type: () => Int }) evseId: number,
    @Args('type', { type: () => ResetType }) type: ResetType,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'Reset', {
      type: type === ResetType.HARD ? 'Immediate' : 'OnIdle',
      ...(evseId > 0 ? { evseId } : {}),
    });
    return result(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description: 'OCPP 2.0.1 ChangeAvailability of one connector of an EVSE',
  })
  @CheckAbility('command', 'ChargingStation')
  async changeConnectorAvailability(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('evseId', { type: () => Int }) evseId: number,
    @Args('connectorId', { type: () => Int }) connectorId: number,
    @Args('type', { type: () => AvailabilityType }) type: AvailabilityType,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'ChangeAvailability', {
      operationalStatus: type === AvailabilityType.OPERATIVE ? 'Operative' : 'Inoperative',
      evse: { id: evseId, connectorId },
    });
    return result(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 GetChargingProfiles; the ReportChargingProfiles that follow are stored. `data`: {"requestId"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getChargingProfiles(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('evseId', { type: () => Int, nullable: true }) evseId?: number,
    @Args('criteria', { type: () => ChargingProfileCriteriaInput, nullable: true })
    criteria?: ChargingProfileCriteriaInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const answer = await call201(session, 'GetChargingProfiles', {
      requestId,
      ...(evseId === undefined || evseId === null ? {} : { evseId }),
      chargingProfile: toProfileCriterion(criteria),
    });
    return result(answer.status, { requestId });
  }

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 GetTransactionStatus: status "Ongoing"/"NotOngoing"/"Unknown"; `data`: {"messagesInQueue"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getTransactionStatus(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('ocppTransactionId', { type: () => String, nullable: true }) ocppTransactionId?: string,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(
      session,
      'GetTransactionStatus',
      ocppTransactionId ? { transactionId: ocppTransactionId } : {},
    );
    const status =
      answer.ongoingIndicator === undefined ? 'Unknown' : answer.ongoingIndicator ? 'Ongoing' : 'NotOngoing';
    return result(status, { messagesInQueue: answer.messagesInQueue });
  }

  @Query(() => [DeviceVariableModel], {
    description: "An OCPP 2.0.1 station's device model, from its NotifyReports",
  })
  @CheckAbility('read', 'ChargingStation')
  async chargingStationDeviceModel(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
  ): Promise<DeviceVariableModel[]> {
    return this.deviceModel.listForStation(principal.tenantId, stationId);
  }

  @Query(() => [StationNotificationModel], {
    description:
      '2.0.1-only messages of a station (security events, NotifyEvent, charging needs…), newest first',
  })
  @CheckAbility('read', 'ChargingStation')
  async chargingStationNotifications(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('action', { type: () => String, nullable: true }) action?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<StationNotificationModel[]> {
    const found = await this.notifications.listForStation(
      principal.tenantId,
      stationId,
      action ?? undefined,
      first ?? undefined,
    );
    return found.map((notification) => ({ ...notification, payload: JSON.stringify(notification.payload) }));
  }
}
