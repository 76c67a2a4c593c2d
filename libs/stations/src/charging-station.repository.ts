import { isOnline } from './station-online';
import { Connection, ConnectionArgs, GroupCommit, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model, UpdateQuery } from 'mongoose';
import { withConnectorSpecs } from './connector-specs';
import { ChargingStation } from './models/charging-station.model';
import { Connector } from './models/connector.model';
import { ChargingStationDocument, ConnectorState } from './schemas/charging-station.schema';
import { foldStationWrites, StationWrite } from './station-writes';

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
export class ChargingStationRepository
  extends TenantRepository<ChargingStationDocument, ChargingStation>
  implements OnModuleDestroy
{
  /**
   * Hot-path writes (heartbeats, statuses, disconnections) of all stations go out as one ordered
   * bulk write per batch: in a reconnect storm thousands arrive at once.
   */
  private readonly writes = new GroupCommit<StationWrite>(
    { maxItems: 500, maxDelayMs: 2, inFlight: 2 },
    (writes) => this.model.bulkWrite(foldStationWrites(writes), { ordered: true }),
  );
  /** A station's queued write, which a read-modify-write of the same station waits for. */
  private readonly queuedWrites = new Map<string, Promise<void>>();
  /** By document id: lookups arriving together (a reconnect storm's connections) are one query. */
  private readonly credentials = this.batchedBy<{ passwordHash?: string }>('_id', {}, { passwordHash: 1 });
  private readonly documents = this.batchedBy('_id');

  constructor(@InjectModel(ChargingStationDocument.name) model: Model<ChargingStationDocument>) {
    super(model);
  }

  onModuleDestroy(): Promise<void> {
    return this.writes.drain();
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

  /** Reads what the station's queued writes leave. */
  async findByStationId(tenantId: TenantId, stationId: string): Promise<ChargingStation | null> {
    await this.afterQueuedWrites(tenantId, stationId);
    const [doc] = await this.documents.load({ tenantId, value: stationDocumentId(tenantId, stationId) });
    return doc ? this.toEntity(doc) : null;
  }

  /** Null for a station that does not exist. */
  async passwordHashOf(tenantId: TenantId, stationId: string): Promise<{ passwordHash?: string } | null> {
    const [credentials] = await this.credentials.load({
      tenantId,
      value: stationDocumentId(tenantId, stationId),
    });
    return credentials ?? null;
  }

  /** Sets fields and returns the station, creating it when `upsert` (registration policy OPEN). */
  async update(
    tenantId: TenantId,
    stationId: string,
    fields: StationFields,
    options: { upsert?: boolean } = {},
  ): Promise<ChargingStation | null> {
    const update: UpdateQuery<ChargingStationDocument> = { $set: fields };
    if (options.upsert) update.$setOnInsert = { connectors: {} };
    // After the station's queued writes, or an older write could land after this one.
    await this.afterQueuedWrites(tenantId, stationId);
    return this.updateOne(tenantId, byIdentity(tenantId, stationId), update, options);
  }

  /** Write-only update for hot paths: no document comes back; settles once the write is stored. */
  write(tenantId: TenantId, stationId: string, fields: Record<string, unknown>): Promise<void> {
    const id = stationDocumentId(tenantId, stationId);
    const written = this.writes.add([
      { id, filter: this.scope(tenantId, byIdentity(tenantId, stationId)), set: fields },
    ]);
    this.queuedWrites.set(id, written);
    const forget = (): void => {
      if (this.queuedWrites.get(id) === written) this.queuedWrites.delete(id);
    };
    written.then(forget, forget);
    return written;
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

  private async afterQueuedWrites(tenantId: TenantId, stationId: string): Promise<void> {
    await this.queuedWrites.get(stationDocumentId(tenantId, stationId))?.catch(() => undefined);
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
