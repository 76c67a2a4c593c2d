import { asTenantId, TenantId } from '@csms/common';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { protocolStationCommands } from './protocol-station-commands';
import { SoapStationCommands } from './soap-station-commands';

const TENANT = asTenantId('default');

function fakeTransport(name: string): StationCommands {
  return { reset: async () => ({ status: name }) } as unknown as StationCommands;
}

describe('protocolStationCommands', () => {
  const json = fakeTransport('json');
  const soapStations = new Set(['SOAP-1', 'MOVED-TO-JSON']);
  const soap = Object.assign(fakeTransport('soap'), {
    isSoapStation: async (_tenantId: TenantId, stationId: string) => soapStations.has(stationId),
  }) as unknown as SoapStationCommands;
  const jsonSessions = new Set(['JSON-1', 'MOVED-TO-JSON']);
  const commands = protocolStationCommands(json, soap, (_tenantId, stationId) => jsonSessions.has(stationId));

  it.each([
    ['SOAP-1', 'soap'],
    ['JSON-1', 'json'],
    ['MOVED-TO-JSON', 'json'],
    ['UNKNOWN', 'json'],
  ])('sends %s commands over %s', async (stationId, transport) => {
    expect(await commands.reset(TENANT, stationId, 'Soft')).toEqual({ status: transport });
  });
});
