import { TenantId, asTenantId } from '@csms/common';
import { EventBus } from '@csms/events';
import { ChargingStationService } from '../charging-station.service';
import { ChargingRateUnit } from '../commands/command-enums';
import { StationCommandService } from '../commands/station-command.service';
import { ChargingStation } from '../models/charging-station.model';
import { CommandResult, StationCommands } from '../ports/station-commands.port';
import { StaticLimitMethod, StaticLimitStatus } from './models/static-limit-enums';
import { StaticLimit } from './models/static-limit.model';
import { StaticLimitationKeys } from './ports/static-limitation-keys.port';
import { StaticLimitRepository, StationStaticLimit } from './static-limit.repository';
import { StationLimitService } from './station-limit.service';

const tenant: TenantId = asTenantId('default');

/** A station without smart charging whose template limits it through `key`. */
const keyStation: ChargingStation = {
  id: 'CS-KEY',
  tenantId: 'default',
  online: true,
  hasPassword: false,
  manualConfiguration: false,
  templateId: 'tpl',
  voltage: 230,
  maximumPowerWatts: 22080,
  capabilities: {
    chargingProfiles: false,
    staticLimitation: true,
    remoteStartStop: true,
    unlock: true,
    reservation: false,
    rfid: true,
    firmwareUpdate: true,
  },
  connectors: [{ connectorId: 1, status: 'Available', numberOfPhases: 3 }],
};

function serviceFor(key: string, answer: string) {
  const sent: { key: string; value: string }[] = [];
  const stored = new Map<number, StationStaticLimit>();
  const port = {
    changeConfiguration: (_tenant: TenantId, _station: string, sentKey: string, value: string) => {
      sent.push({ key: sentKey, value });
      return Promise.resolve<CommandResult>({ status: answer });
    },
  } as unknown as StationCommands;
  const stations = { get: () => Promise.resolve(keyStation) } as unknown as ChargingStationService;
  const commands = {
    send: <T>(_tenant: TenantId, _station: string, command: (port: StationCommands) => Promise<T>) =>
      command(port),
  } as unknown as StationCommandService;
  const repository = {
    find: (_tenant: TenantId, _station: string, connectorId: number) =>
      Promise.resolve(stored.get(connectorId) ?? null),
    save: (_tenant: TenantId, stationId: string, limit: StaticLimit) => {
      const saved = { ...limit, chargingStationId: stationId };
      stored.set(limit.connectorId, saved);
      return Promise.resolve(saved);
    },
    remove: (_tenant: TenantId, _station: string, connectorId: number) =>
      Promise.resolve(stored.delete(connectorId)),
    ofStations: () => Promise.resolve([...stored.values()]),
  } as unknown as StaticLimitRepository;
  const events = { publish: () => Promise.resolve() } as unknown as EventBus;
  const keys: StaticLimitationKeys = { keyOf: () => Promise.resolve(key) };
  const service = new StationLimitService(stations, commands, repository, events, keys);
  return { service, sent, stored };
}

describe('StationLimitService with a configuration key', () => {
  it('converts a watt limit into the amperes an ampere key takes, rounded down', async () => {
    const { service, sent, stored } = serviceFor('MaxCurrentA', 'Accepted');
    const result = await service.set(tenant, 'CS-KEY', 0, 11000, ChargingRateUnit.W);
    // 11000 W / (230 V × 3 phases) = 15.9 A → 15 A, which is 10350 W in force.
    expect(sent).toEqual([{ key: 'MaxCurrentA', value: '15' }]);
    expect(result).toMatchObject({
      status: StaticLimitStatus.ACCEPTED,
      limit: { watts: 10350, amps: 15, unit: 'A', method: StaticLimitMethod.CONFIGURATION_KEY },
    });
    expect(stored.get(0)?.watts).toBe(10350);
  });

  it('records nothing the station does not accept, and says why', async () => {
    const { service, stored } = serviceFor('MaxStationPowerW', 'RebootRequired');
    const result = await service.set(tenant, 'CS-KEY', 0, 7400, ChargingRateUnit.W);
    expect(result).toMatchObject({
      status: StaticLimitStatus.REBOOT_REQUIRED,
      stationStatus: 'RebootRequired',
    });
    expect(result.limit).toBeUndefined();
    expect(stored.size).toBe(0);
  });

  it('refuses a connector limit the station-wide key cannot express, without calling the station', async () => {
    const { service, sent } = serviceFor('MaxStationPowerW', 'Accepted');
    const result = await service.set(tenant, 'CS-KEY', 1, 7400, ChargingRateUnit.W);
    expect(result.status).toBe(StaticLimitStatus.NOT_SUPPORTED);
    expect(sent).toEqual([]);
  });

  it('clears by setting the key back to the station maximum', async () => {
    const { service, sent, stored } = serviceFor('MaxStationPowerW', 'Accepted');
    await service.set(tenant, 'CS-KEY', 0, 7400, ChargingRateUnit.W);
    const result = await service.clear(tenant, 'CS-KEY', 0);
    expect(sent.at(-1)).toEqual({ key: 'MaxStationPowerW', value: '22080' });
    expect(result).toMatchObject({ status: StaticLimitStatus.ACCEPTED });
    expect(result.limit).toBeUndefined();
    expect(stored.size).toBe(0);
  });
});
