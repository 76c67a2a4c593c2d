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

/** Domain field names that differ in storage, for accessibleQuery. */
export const STATION_FIELD_NAMES = { id: 'stationId' };

@Injectable()
export class ChargingStationRepository extends TenantRepository<ChargingStationDocument, ChargingStation> {
  constructor(@InjectModel(ChargingStationDocument.name) model: Model<ChargingStationDocument>) {
    super(model);
  }

  async create(tenantId: TenantId, stationId: string, fields: StationFields): Promise<ChargingStation> {
    return this.insert(tenantId, { stationId, online: false, connectors: {}, ...fields });
  }

  findByStationId(tenantId: TenantId, stationId: string): Promise<ChargingStation | null> {
    return this.findOne(tenantId, { stationId });
  }

  async passwordHashOf(tenantId: TenantId, stationId: string): Promise<{ passwordHash?: string } | null> {
    return this.model
      .findOne(this.scope(tenantId, { stationId }), { passwordHash: 1 })
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
    return this.updateOne(tenantId, { stationId }, update, options);
  }

  /** Write-only update for hot paths: no document comes back. */
  async write(tenantId: TenantId, stationId: string, fields: Record<string, unknown>): Promise<void> {
    await this.model.updateOne(this.scope(tenantId, { stationId }), { $set: fields }).exec();
  }

  async writeConnector(tenantId: TenantId, stationId: string, connector: ConnectorState): Promise<void> {
    await this.write(tenantId, stationId, { [`connectors.${connector.connectorId}`]: connector });
  }

  remove(tenantId: TenantId, stationId: string): Promise<boolean> {
    return this.deleteOne(tenantId, { stationId });
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
