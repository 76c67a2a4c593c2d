import { isOnline } from './station-online';
import { Connection, ConnectionArgs, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { withConnectorSpecs } from './connector-specs';
import { ChargingStation } from './models/charging-station.model';
import { Connector } from './models/connector.model';
import { ChargingStationDocument, ConnectorState } from './schemas/charging-station.schema';

export type StationFields = Partial<
  Omit<ChargingStationDocument, '_id' | 'tenantId' | 'stationId' | 'connectors' | 'createdAt'>
>;

const STATION_ITSELF = '0';

/**
 * A station's document id is derived from its identity, so every lookup by identity is a primary-key
 * lookup on any MongoDB-wire database (FerretDB's SQLite backend uses no other index at all).
 */
export function stationDocumentId(tenantId: TenantId, stationId: string): string {
  return `${tenantId}/${stationId}`;
}

/** The filter for one station; it names the identity too, so that an upsert stores it. */
function byIdentity(tenantId: TenantId, stationId: string): { _id: string; stationId: string } {
  return { _id: stationDocumentId(tenantId, stationId), stationId };
}

/** Domain field names that differ in storage, for accessibleQuery. */
export const STATION_FIELD_NAMES = { id: 'stationId' };

@Injectable()
export class ChargingStationRepository extends TenantRepository<ChargingStationDocument, ChargingStation> {
  constructor(@InjectModel(ChargingStationDocument.name) model: Model<ChargingStationDocument>) {
    super(model);
  }

  async create(tenantId: TenantId, stationId: string, fields: StationFields): Promise<ChargingStation> {
    return this.insert(tenantId, {
      _id: stationDocumentId(tenantId, stationId),
      stationId,
      online: false,
      connectors: {},
      ...fields,
    });
  }

  findByStationId(tenantId: TenantId, stationId: string): Promise<ChargingStation | null> {
    return this.findOne(tenantId, byIdentity(tenantId, stationId));
  }

  async passwordHashOf(tenantId: TenantId, stationId: string): Promise<{ passwordHash?: string } | null> {
    return this.model
      .findOne(this.scope(tenantId, byIdentity(tenantId, stationId)), { passwordHash: 1 })
      .lean<{ passwordHash?: string }>()
      .exec();
  }

  /** Sets fields and returns the station, creating it when `upsert` (registration policy OPEN). */
  update(
    tenantId: TenantId,
    stationId: string,
    fields: StationFields,
    options: { upsert?: boolean } = {},
  ): Promise<ChargingStation | null> {
    const update: UpdateQuery<ChargingStationDocument> = { $set: fields };
    if (options.upsert) update.$setOnInsert = { connectors: {} };
    return this.updateOne(tenantId, byIdentity(tenantId, stationId), update, options);
  }

  /** Write-only update for hot paths: no document comes back. */
  async write(tenantId: TenantId, stationId: string, fields: Record<string, unknown>): Promise<void> {
    await this.model
      .updateOne(this.scope(tenantId, byIdentity(tenantId, stationId)), { $set: fields })
      .exec();
  }

  async writeConnector(tenantId: TenantId, stationId: string, connector: ConnectorState): Promise<void> {
    await this.write(tenantId, stationId, { [`connectors.${connector.connectorId}`]: connector });
  }

  remove(tenantId: TenantId, stationId: string): Promise<boolean> {
    return this.deleteOne(tenantId, byIdentity(tenantId, stationId));
  }

  /** `filter` narrows the page, e.g. to what the caller may list (accessibleQuery). */
  page(
    tenantId: TenantId,
    args: ConnectionArgs,
    filter: FilterQuery<ChargingStationDocument> = {},
  ): Promise<Connection<ChargingStation>> {
    return this.findPage(tenantId, filter, args, { field: 'stationId', direction: 1 });
  }

  protected toEntity(doc: Lean<ChargingStationDocument>): ChargingStation {
    const { connectors = {}, connectorSpecs, passwordHash, stationId, _id: _ignored, ...fields } = doc;
    const station = connectors[STATION_ITSELF];
    return {
      ...fields,
      online: isOnline(doc),
      id: stationId,
      hasPassword: Boolean(passwordHash),
      manualConfiguration: fields.manualConfiguration ?? false,
      status: station?.status,
      errorCode: station?.errorCode,
      connectors: withConnectorSpecs(
        Object.values(connectors).map((connector): Connector => ({ ...connector })),
        connectorSpecs,
      ),
    };
  }
}
