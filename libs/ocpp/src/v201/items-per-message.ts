import { Injectable } from '@nestjs/common';
import { StationSession } from '../session/station-session';
import { DeviceModelRepository } from './device-model.repository';

/** The requests whose length a station limits, and the controller reporting the limit. */
const LIMITED = {
  GetVariables: 'DeviceDataCtrlr',
  SetVariables: 'DeviceDataCtrlr',
  SetVariableMonitoring: 'MonitoringCtrlr',
  ClearVariableMonitoring: 'MonitoringCtrlr',
} as const;

export type LimitedRequest = keyof typeof LIMITED;

/**
 * How many entries a station takes in one request (B08: DeviceDataCtrlr.ItemsPerMessage[GetVariables],
 * MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring]…), as its device model reported it
 * (GetBaseReport): longer lists are sent in several requests. Unknown: no limit.
 */
@Injectable()
export class ItemsPerMessage {
  constructor(private readonly deviceModel: DeviceModelRepository) {}

  async of(session: StationSession, request: LimitedRequest): Promise<number | undefined> {
    const value = await this.deviceModel.actualValue(session.tenantId, session.stationId, {
      component: LIMITED[request],
      variable: 'ItemsPerMessage',
      variableInstance: request,
    });
    const limit = Number(value);
    return Number.isInteger(limit) && limit > 0 ? limit : undefined;
  }
}
