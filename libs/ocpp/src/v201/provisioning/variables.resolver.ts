import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError, inRunsOf } from '@csms/common';
import { CommandResultModel, StationAccessGuard } from '@csms/stations';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { commandResult } from '../../commands/command-result';
import { newRequestId } from '../../commands/request-ids';
import { VariableSelectorInput } from '../dto/ocpp201.inputs';
import { toAddress, toComponent } from '../dto/variable-address';
import { ItemsPerMessage } from '../items-per-message';
import { Ocpp201SessionLocator } from '../ocpp201-session.locator';
import { ComponentType, OcppV201Calls, VariableType } from '../types/generated';
import { call201 } from '../v201-commands';
import { GetReportInput, SetVariableInput } from './dto/variables.inputs';
import { VariableResultModel } from './models/variable-result.model';

const stationIdArg = { name: 'chargingStationId', type: () => ID };
const MAX_VARIABLES = 1000;

interface VariableAnswer {
  component: ComponentType;
  variable: VariableType;
  attributeType?: string;
  attributeStatus: string;
  attributeValue?: string;
}

function toResult(answer: VariableAnswer): VariableResultModel {
  return {
    component: answer.component.name,
    componentInstance: answer.component.instance,
    evseId: answer.component.evse?.id,
    variable: answer.variable.name,
    variableInstance: answer.variable.instance,
    attributeType: answer.attributeType,
    attributeStatus: answer.attributeStatus,
    attributeValue: answer.attributeValue,
  };
}

/**
 * B Provisioning of a 2.0.1 station's device model: several variables read or written at once (split
 * into requests of the station's ItemsPerMessage), and custom reports (GetReport).
 */
@Resolver()
@UseGuards(StationAccessGuard)
export class VariablesResolver {
  constructor(
    private readonly sessions: Ocpp201SessionLocator,
    private readonly itemsPerMessage: ItemsPerMessage,
  ) {}

  @Mutation(() => [VariableResultModel], {
    description:
      'OCPP 2.0.1 GetVariables for several variables, in requests of the station’s ItemsPerMessage',
  })
  @CheckAbility('command', 'ChargingStation')
  async getVariables(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('variables', { type: () => [VariableSelectorInput] }) variables: VariableSelectorInput[],
  ): Promise<VariableResultModel[]> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const limit = await this.itemsPerMessage.of(session, 'GetVariables');
    const results: VariableResultModel[] = [];
    for (const run of inRunsOf(checked(variables), limit)) {
      const answer = await call201(session, 'GetVariables', {
        getVariableData: run.map(toAddress) as OcppV201Calls['GetVariables']['request']['getVariableData'],
      });
      results.push(...answer.getVariableResult.map(toResult));
    }
    return results;
  }

  @Mutation(() => [VariableResultModel], {
    description:
      'OCPP 2.0.1 SetVariables for several variables, in requests of the station’s ItemsPerMessage',
  })
  @CheckAbility('command', 'ChargingStation')
  async setVariables(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('variables', { type: () => [SetVariableInput] }) variables: SetVariableInput[],
  ): Promise<VariableResultModel[]> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const limit = await this.itemsPerMessage.of(session, 'SetVariables');
    const results: VariableResultModel[] = [];
    for (const run of inRunsOf(checked(variables), limit)) {
      const answer = await call201(session, 'SetVariables', {
        setVariableData: run.map((entry) => ({
          ...toAddress(entry),
          attributeValue: entry.value,
          ...(entry.attributeType ? { attributeType: entry.attributeType } : {}),
        })) as OcppV201Calls['SetVariables']['request']['setVariableData'],
      });
      results.push(...answer.setVariableResult.map(toResult));
    }
    return results;
  }

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 GetReport (custom report by criteria and/or components); the NotifyReport that follows joins the device model. `data`: {"requestId"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getReport(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: GetReportInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const componentVariable = input.componentVariables?.map((entry) => ({
      component: toComponent(entry),
      ...(entry.variable ? { variable: toAddress({ ...entry, variable: entry.variable }).variable } : {}),
    }));
    const answer = await call201(session, 'GetReport', {
      requestId,
      ...(input.componentCriteria?.length ? { componentCriteria: input.componentCriteria } : {}),
      ...(componentVariable?.length ? { componentVariable } : {}),
    } as OcppV201Calls['GetReport']['request']);
    return commandResult(answer.status, { requestId });
  }
}

/** GraphQL lists carry no size limit of their own. */
function checked<T>(variables: T[]): T[] {
  if (!variables.length || variables.length > MAX_VARIABLES) {
    throw new BadInputError(`Give 1 to ${MAX_VARIABLES} variables`, { field: 'variables' });
  }
  return variables;
}
