import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError, inRunsOf } from '@csms/common';
import { CommandResultModel, StationAccessGuard } from '@csms/stations';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { commandResult } from '../../commands/command-result';
import { newRequestId } from '../../commands/request-ids';
import { CertificateHashDataInput } from '../dto/ocpp201.inputs';
import { toAddress, toComponent } from '../dto/variable-address';
import { ItemsPerMessage } from '../items-per-message';
import { Ocpp201SessionLocator } from '../ocpp201-session.locator';
import { OcppV201Calls } from '../types/generated';
import { call201, idTokenOf } from '../v201-commands';
import {
  CustomerInformationInput,
  MonitoringBase,
  MonitoringReportInput,
  SetMonitorInput,
} from './dto/monitoring.inputs';
import { MonitorResultModel } from './models/monitor-result.model';

const stationIdArg = { name: 'chargingStationId', type: () => ID };
const MAX_MONITORS = 1000;

function checkedCount<T>(items: T[], field: string): T[] {
  if (!items.length || items.length > MAX_MONITORS) {
    throw new BadInputError(`Give 1 to ${MAX_MONITORS} ${field}`, { field });
  }
  return items;
}

/**
 * N Diagnostics of a 2.0.1 station: its variable monitors (reports, base, level, set and clear, in
 * requests of its ItemsPerMessage) and customer information. What the station reports back
 * (NotifyMonitoringReport, NotifyEvent, NotifyCustomerInformation) is kept: chargingStationNotifications.
 */
@Resolver()
@UseGuards(StationAccessGuard)
export class DiagnosticsResolver {
  constructor(
    private readonly sessions: Ocpp201SessionLocator,
    private readonly itemsPerMessage: ItemsPerMessage,
  ) {}

  @Mutation(() => CommandResultModel, {
    description: 'OCPP 2.0.1 GetMonitoringReport; NotifyMonitoringReport follows. `data`: {"requestId"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async getMonitoringReport(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input', { type: () => MonitoringReportInput, nullable: true }) input?: MonitoringReportInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const componentVariable = input?.componentVariables?.map((entry) => ({
      component: toComponent(entry),
      ...(entry.variable ? { variable: toAddress({ ...entry, variable: entry.variable }).variable } : {}),
    }));
    const answer = await call201(session, 'GetMonitoringReport', {
      requestId,
      ...(input?.criteria?.length ? { monitoringCriteria: input.criteria } : {}),
      ...(componentVariable?.length ? { componentVariable } : {}),
    } as OcppV201Calls['GetMonitoringReport']['request']);
    return commandResult(answer.status, { requestId });
  }

  @Mutation(() => CommandResultModel, { description: 'OCPP 2.0.1 SetMonitoringBase' })
  @CheckAbility('command', 'ChargingStation')
  async setMonitoringBase(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('base', { type: () => MonitoringBase }) base: MonitoringBase,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'SetMonitoringBase', { monitoringBase: base });
    return commandResult(answer.status);
  }

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 SetMonitoringLevel: events of this severity (0 danger … 9 debug) and worse are sent',
  })
  @CheckAbility('command', 'ChargingStation')
  async setMonitoringLevel(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('severity', { type: () => Int }) severity: number,
  ): Promise<CommandResultModel> {
    if (!Number.isInteger(severity) || severity < 0 || severity > 9) {
      throw new BadInputError('severity is 0 to 9', { field: 'severity' });
    }
    const session = this.sessions.get(principal.tenantId, stationId);
    const answer = await call201(session, 'SetMonitoringLevel', { severity });
    return commandResult(answer.status);
  }

  @Mutation(() => [MonitorResultModel], {
    description: 'OCPP 2.0.1 SetVariableMonitoring, in requests of the station’s ItemsPerMessage',
  })
  @CheckAbility('command', 'ChargingStation')
  async setVariableMonitoring(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('monitors', { type: () => [SetMonitorInput] }) monitors: SetMonitorInput[],
  ): Promise<MonitorResultModel[]> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const limit = await this.itemsPerMessage.of(session, 'SetVariableMonitoring');
    const results: MonitorResultModel[] = [];
    for (const run of inRunsOf(checkedCount(monitors, 'monitors'), limit)) {
      const answer = await call201(session, 'SetVariableMonitoring', {
        setMonitoringData: run.map((monitor) => ({
          ...toAddress(monitor),
          ...(monitor.id === undefined || monitor.id === null ? {} : { id: monitor.id }),
          ...(monitor.transaction === undefined || monitor.transaction === null
            ? {}
            : { transaction: monitor.transaction }),
          value: monitor.value,
          type: monitor.type,
          severity: monitor.severity,
        })) as OcppV201Calls['SetVariableMonitoring']['request']['setMonitoringData'],
      });
      results.push(
        ...answer.setMonitoringResult.map((result) => ({
          id: result.id,
          status: result.status,
          component: result.component.name,
          variable: result.variable.name,
          type: result.type,
          severity: result.severity,
        })),
      );
    }
    return results;
  }

  @Mutation(() => [MonitorResultModel], {
    description: 'OCPP 2.0.1 ClearVariableMonitoring, in requests of the station’s ItemsPerMessage',
  })
  @CheckAbility('command', 'ChargingStation')
  async clearVariableMonitoring(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('ids', { type: () => [Int] }) ids: number[],
  ): Promise<MonitorResultModel[]> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const limit = await this.itemsPerMessage.of(session, 'ClearVariableMonitoring');
    const results: MonitorResultModel[] = [];
    for (const run of inRunsOf(checkedCount(ids, 'ids'), limit)) {
      const answer = await call201(session, 'ClearVariableMonitoring', {
        id: run as OcppV201Calls['ClearVariableMonitoring']['request']['id'],
      });
      results.push(
        ...answer.clearMonitoringResult.map((result) => ({ id: result.id, status: result.status })),
      );
    }
    return results;
  }

  @Mutation(() => CommandResultModel, {
    description:
      'OCPP 2.0.1 CustomerInformation for a customer identifier, badge or contract certificate; NotifyCustomerInformation follows when reported. `data`: {"requestId"}',
  })
  @CheckAbility('command', 'ChargingStation')
  async customerInformation(
    @CurrentPrincipal() principal: Principal,
    @Args(stationIdArg) stationId: string,
    @Args('input') input: CustomerInformationInput,
    @Args('customerCertificate', { type: () => CertificateHashDataInput, nullable: true })
    customerCertificate?: CertificateHashDataInput,
  ): Promise<CommandResultModel> {
    const session = this.sessions.get(principal.tenantId, stationId);
    const requestId = newRequestId();
    const answer = await call201(session, 'CustomerInformation', {
      requestId,
      report: input.report,
      clear: input.clear,
      ...(input.customerIdentifier ? { customerIdentifier: input.customerIdentifier } : {}),
      ...(input.tagId ? { idToken: idTokenOf(input.tagId) } : {}),
      ...(customerCertificate ? { customerCertificate: { ...customerCertificate } } : {}),
    });
    return commandResult(answer.status, { requestId });
  }
}
