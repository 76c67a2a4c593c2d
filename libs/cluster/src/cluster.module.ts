import { APP_CONFIG, AppConfig } from '@csms/common';
import { StationCommands } from '@csms/stations/ports/station-commands.port';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLUSTER_OPTIONS, ClusterOptions, resolveClusterOptions } from './cluster-options';
import { LOCAL_STATION_COMMANDS } from './commands/local-station-commands.token';
import { RedisCommandTransport } from './commands/redis-command.transport';
import { NoRemoteCommandTransport, RemoteCommandTransport } from './commands/remote-command.transport';
import { StationCommandRouter } from './commands/station-command.router';
import { offlineStationCommands } from './commands/station-commands-via';
import { INSTANCE_ID, newInstanceId } from './instance-id';
import { InMemoryStationOwnershipRegistry } from './ownership/in-memory-station-ownership.registry';
import { LostStationsNotifier } from './ownership/lost-stations.notifier';
import { RedisStationOwnershipRegistry } from './ownership/redis-station-ownership.registry';
import { StationOwnershipRegistry } from './ownership/station-ownership.registry';

/**
 * Several instances as one: the station ownership registry and the routed StationCommands port.
 * With REDIS_URL both go through Redis (connections closed on shutdown); without, a single
 * instance that holds every station connected to it. Needs APP_CONFIG and the EventBus; uses the
 * edge's LOCAL_STATION_COMMANDS when this instance has one.
 */
@Global()
@Module({})
export class ClusterModule {
  static forRoot(overrides: Partial<ClusterOptions> = {}): DynamicModule {
    return {
      module: ClusterModule,
      providers: [
        { provide: INSTANCE_ID, useFactory: newInstanceId },
        {
          provide: CLUSTER_OPTIONS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => resolveClusterOptions(config, overrides),
        },
        {
          provide: StationOwnershipRegistry,
          inject: [APP_CONFIG, INSTANCE_ID, CLUSTER_OPTIONS],
          useFactory: (config: AppConfig, instanceId: string, options: ClusterOptions) =>
            config.REDIS_URL
              ? RedisStationOwnershipRegistry.start(config.REDIS_URL, instanceId, options)
              : new InMemoryStationOwnershipRegistry(instanceId),
        },
        {
          provide: RemoteCommandTransport,
          inject: [APP_CONFIG, INSTANCE_ID, CLUSTER_OPTIONS],
          useFactory: (config: AppConfig, instanceId: string, options: ClusterOptions) =>
            config.REDIS_URL
              ? RedisCommandTransport.connect(config.REDIS_URL, instanceId, options)
              : new NoRemoteCommandTransport(),
        },
        {
          provide: StationCommandRouter,
          inject: [
            { token: LOCAL_STATION_COMMANDS, optional: true },
            StationOwnershipRegistry,
            RemoteCommandTransport,
          ],
          useFactory: (
            local: StationCommands | undefined,
            registry: StationOwnershipRegistry,
            transport: RemoteCommandTransport,
          ) => new StationCommandRouter(local ?? offlineStationCommands(), registry, transport),
        },
        {
          provide: StationCommands,
          inject: [StationCommandRouter],
          useFactory: (router: StationCommandRouter) => router.commands,
        },
        LostStationsNotifier,
      ],
      exports: [
        INSTANCE_ID,
        CLUSTER_OPTIONS,
        StationOwnershipRegistry,
        StationCommandRouter,
        StationCommands,
      ],
    };
  }
}
