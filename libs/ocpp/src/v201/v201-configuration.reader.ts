import { ConfigurationReport } from '@csms/stations/ports/station-commands.port';
import { Injectable } from '@nestjs/common';
import { StationSession } from '../session/station-session';
import { DeviceModelRepository, DeviceVariable } from './device-model.repository';
import { ItemsPerMessage } from './items-per-message';
import { getVariables } from './v201-commands';
import { formatVariableAddress, parseConfigurationKey } from './v201-variable-keys';

const ACTUAL = 'Actual';

function addressKey(variable: DeviceVariable): string {
  return formatVariableAddress({
    component: { name: variable.component, instance: variable.componentInstance },
    variable: { name: variable.variable, instance: variable.variableInstance },
  });
}

/**
 * getConfiguration for 2.0.1 stations: GetVariables gives values but not whether a variable may be
 * written; the device model the station reported (NotifyReport) does, so `readonly` comes from there
 * when the station has reported it, as does how many variables it reads per request.
 */
@Injectable()
export class V201ConfigurationReader {
  constructor(
    private readonly deviceModel: DeviceModelRepository,
    private readonly itemsPerMessage: ItemsPerMessage,
  ) {}

  async read(session: StationSession, keys: string[] | undefined): Promise<ConfigurationReport> {
    const report = await getVariables(session, keys, await this.itemsPerMessage.of(session, 'GetVariables'));
    const variables = await this.deviceModel.listForStation(session.tenantId, session.stationId);
    const mutability = new Map<string, string>();
    for (const variable of variables) {
      if (variable.evseId !== undefined) continue;
      const actual = variable.attributes.find((attribute) => (attribute.type ?? ACTUAL) === ACTUAL);
      if (actual?.mutability) mutability.set(addressKey(variable), actual.mutability);
    }
    for (const entry of report.keys) {
      const address = parseConfigurationKey(entry.key);
      const known = address && mutability.get(formatVariableAddress(address));
      if (known) entry.readonly = known === 'ReadOnly';
    }
    return report;
  }
}
