import { BadInputError, TenantId, asTenantId } from '@csms/common';
import { fromWireJson, toWireJson } from '@csms/events/redis/wire-json';
import { ChargingProfileInput, StationCommands } from '@csms/stations/ports/station-commands.port';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';
import { InMemoryStationOwnershipRegistry } from '../ownership/in-memory-station-ownership.registry';
import { WireError, errorFromWire, errorToWire } from './remote-error.codec';
import {
  CommandExecutor,
  NoRemoteCommandTransport,
  RemoteCommandTransport,
} from './remote-command.transport';
import { STATION_COMMAND_NAMES, StationCommandName } from './station-command-names';
import { StationCommandRouter } from './station-command.router';
import { stationCommandsVia } from './station-commands-via';

const TENANT = asTenantId('acme');

interface RecordedCall {
  command: StationCommandName;
  stationId: string;
  args: unknown[];
}

/** The edge of one instance: records calls, answers from `answer`. */
function recordingEdge(
  answer: (call: RecordedCall) => Promise<unknown> = async () => ({ status: 'Accepted' }),
) {
  const calls: RecordedCall[] = [];
  const commands = stationCommandsVia((command, _tenantId, stationId, args) => {
    calls.push({ command, stationId, args });
    return answer({ command, stationId, args });
  });
  return { calls, commands };
}

/** Instances in one process; messages cross as they would through Redis (wire JSON, errors re-created). */
class LoopbackTransport extends RemoteCommandTransport {
  constructor(
    private readonly executors: Map<string, CommandExecutor>,
    private readonly instanceId: string,
  ) {
    super();
  }

  async send(
    owner: string,
    command: StationCommandName,
    tenantId: TenantId,
    stationId: string,
    args: unknown[],
  ) {
    const executor = this.executors.get(owner);
    if (!executor) throw new StationOfflineError(stationId);
    const sentArgs = fromWireJson(toWireJson(args)) as unknown[];
    try {
      return fromWireJson(toWireJson(await executor(command, tenantId, stationId, sentArgs)));
    } catch (error) {
      throw errorFromWire(fromWireJson(toWireJson(errorToWire(error))) as WireError, owner);
    }
  }

  serve(executor: CommandExecutor): void {
    this.executors.set(this.instanceId, executor);
  }
}

class LoopbackHub {
  private readonly executors = new Map<string, CommandExecutor>();

  transportFor(instanceId: string): RemoteCommandTransport {
    return new LoopbackTransport(this.executors, instanceId);
  }
}

/** A registry shared by every instance of the hub, each seeing the others' claims. */
function sharedRegistry(owners: Map<string, string>, instanceId: string) {
  const registry = new InMemoryStationOwnershipRegistry(instanceId);
  registry.claim = async (_tenantId, stationId) => void owners.set(stationId, instanceId);
  registry.isHeldHere = (_tenantId, stationId) => owners.get(stationId) === instanceId;
  registry.ownerOf = async (_tenantId, stationId) => owners.get(stationId);
  return registry;
}

function twoInstances() {
  const hub = new LoopbackHub();
  const owners = new Map<string, string>();
  const edgeA = recordingEdge();
  const edgeB = recordingEdge();
  const routerA = new StationCommandRouter(
    edgeA.commands,
    sharedRegistry(owners, 'A'),
    hub.transportFor('A'),
  );
  const routerB = new StationCommandRouter(
    edgeB.commands,
    sharedRegistry(owners, 'B'),
    hub.transportFor('B'),
  );
  return { hub, owners, edgeA, edgeB, a: routerA.commands, b: routerB.commands };
}

describe('StationCommandRouter', () => {
  it('provides every method of the StationCommands port', () => {
    const { a } = twoInstances();
    expect(a).toBeInstanceOf(StationCommands);
    for (const name of STATION_COMMAND_NAMES) expect(typeof a[name]).toBe('function');
  });

  it('runs a command for a station held here on the local edge', async () => {
    const { owners, edgeA, edgeB, a } = twoInstances();
    owners.set('CS-1', 'A');
    await expect(a.reset(TENANT, 'CS-1', 'Soft')).resolves.toEqual({ status: 'Accepted' });
    expect(edgeA.calls).toEqual([{ command: 'reset', stationId: 'CS-1', args: ['Soft'] }]);
    expect(edgeB.calls).toEqual([]);
  });

  it('sends a command for a station held elsewhere to its owner, Dates and all', async () => {
    const { owners, edgeA, edgeB, b } = twoInstances();
    owners.set('CS-1', 'A');
    const profile: ChargingProfileInput = {
      chargingProfileId: 1,
      stackLevel: 0,
      purpose: 'TxDefaultProfile',
      kind: 'Absolute',
      validFrom: new Date('2026-11-28T00:00:00Z'),
      schedule: {
        rateUnit: 'W',
        startSchedule: new Date('2026-11-28T01:00:00Z'),
        periods: [{ startPeriod: 0, limit: 11000 }],
      },
    };
    await expect(b.setChargingProfile(TENANT, 'CS-1', 1, profile)).resolves.toEqual({ status: 'Accepted' });
    expect(edgeB.calls).toEqual([]);
    expect(edgeA.calls).toHaveLength(1);
    const [connectorId, received] = edgeA.calls[0].args as [number, ChargingProfileInput];
    expect(connectorId).toBe(1);
    expect(received).toEqual(profile);
    expect(received.schedule.startSchedule).toBeInstanceOf(Date);
  });

  it('brings the owner edge errors back as the same domain error classes', async () => {
    const hub = new LoopbackHub();
    const owners = new Map([['CS-1', 'A']]);
    const failures: Record<string, Error> = {
      reset: new StationTimeoutError('CS-1', 'Reset'),
      clearCache: new StationOfflineError('CS-1'),
      changeConfiguration: new BadInputError('Unknown key', { key: 'Nope' }),
    };
    const edgeA = recordingEdge(async ({ command }) => {
      throw failures[command];
    });
    new StationCommandRouter(edgeA.commands, sharedRegistry(owners, 'A'), hub.transportFor('A'));
    const { commands: b } = new StationCommandRouter(
      recordingEdge().commands,
      sharedRegistry(owners, 'B'),
      hub.transportFor('B'),
    );
    await expect(b.reset(TENANT, 'CS-1', 'Hard')).rejects.toBeInstanceOf(StationTimeoutError);
    await expect(b.clearCache(TENANT, 'CS-1')).rejects.toBeInstanceOf(StationOfflineError);
    const error = await b.changeConfiguration(TENANT, 'CS-1', 'Nope', '1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { key: 'Nope' } });
  });

  it('lets the local edge answer when no instance holds the station', async () => {
    const offline = recordingEdge(async ({ stationId }) =>
      Promise.reject(new StationOfflineError(stationId)),
    );
    const registry = new InMemoryStationOwnershipRegistry('solo');
    const { commands } = new StationCommandRouter(offline.commands, registry, new NoRemoteCommandTransport());
    await expect(commands.clearCache(TENANT, 'CS-9')).rejects.toBeInstanceOf(StationOfflineError);
    expect(offline.calls.map((call) => call.command)).toEqual(['clearCache']);
  });

  it('runs locally when the registry cannot be reached', async () => {
    const edge = recordingEdge();
    const registry = new InMemoryStationOwnershipRegistry('solo');
    registry.ownerOf = () => Promise.reject(new Error('ECONNREFUSED'));
    const send = jest.fn();
    const transport = Object.assign(new NoRemoteCommandTransport(), { send });
    const { commands } = new StationCommandRouter(edge.commands, registry, transport);
    await expect(commands.unlockConnector(TENANT, 'CS-2', 1)).resolves.toEqual({ status: 'Accepted' });
    expect(send).not.toHaveBeenCalled();
  });

  it('says the cluster cannot route the command when the registry is unreachable and the station is not here', async () => {
    const offline = recordingEdge(async ({ stationId }) =>
      Promise.reject(new StationOfflineError(stationId)),
    );
    const registry = new InMemoryStationOwnershipRegistry('solo');
    registry.ownerOf = () => Promise.reject(new Error('ECONNREFUSED'));
    const { commands } = new StationCommandRouter(offline.commands, registry, new NoRemoteCommandTransport());
    await expect(commands.reset(TENANT, 'CS-3', 'Soft')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/cluster's Redis/),
    });
  });
});
