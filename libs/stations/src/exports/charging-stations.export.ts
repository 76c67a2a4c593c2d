import {
  AppAbility,
  CheckAbility,
  CurrentAbility,
  CurrentPrincipal,
  Principal,
  accessibleQuery,
} from '@csms/auth';
import { ExportCell, ExportJob, ExportKind, ExportRegistry, ExportScope, ExportService } from '@csms/exports';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Mutation, Resolver } from '@nestjs/graphql';
import { ChargingStationRepository, STATION_FIELD_NAMES } from '../charging-station.repository';

/** The stations the caller may list, one row each, with their connectors' statuses. */
@Injectable()
export class ChargingStationsExport implements ExportKind<undefined>, OnModuleInit {
  readonly name = 'charging-stations';
  readonly subject = 'ChargingStation' as const;
  readonly columns = [
    'id',
    'online',
    'lastSeen',
    'ocppVersion',
    'ocppProtocol',
    'vendor',
    'model',
    'serialNumber',
    'firmwareVersion',
    'siteId',
    'siteAreaId',
    'connectors',
  ] as const;

  constructor(
    private readonly registry: ExportRegistry,
    private readonly stations: ChargingStationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  count({ tenantId, ability }: ExportScope): Promise<number> {
    return this.stations.count(
      tenantId,
      accessibleQuery(ability, 'list', 'ChargingStation', STATION_FIELD_NAMES),
    );
  }

  async *rows({ tenantId, ability }: ExportScope): AsyncIterable<ExportCell[]> {
    const accessible = accessibleQuery(ability, 'list', 'ChargingStation', STATION_FIELD_NAMES);
    for await (const station of this.stations.matching(tenantId, accessible)) {
      yield [
        station.id,
        station.online,
        station.lastSeen,
        station.ocppVersion,
        station.ocppProtocol,
        station.vendor,
        station.model,
        station.serialNumber,
        station.firmwareVersion,
        station.siteId,
        station.siteAreaId,
        station.connectors.map((connector) => `${connector.connectorId}:${connector.status}`).join(' '),
      ];
    }
  }
}

@Resolver()
export class ChargingStationsExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => ExportJob, { description: 'CSV of the charging stations you may list' })
  @CheckAbility('list', 'ChargingStation')
  exportChargingStations(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
  ): Promise<ExportJob> {
    return this.exports.start(principal, ability, 'charging-stations', undefined);
  }
}
