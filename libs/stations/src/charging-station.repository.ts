import { isOnline } from './station-online';
import { Connection, ConnectionArgs, DelayedMerge, GroupCommit, TenantId } from '@csms/common';
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

/** What the upgrade of a station's connection is checked against. */
export interface StationCredentials {
  passwordHash?: string;
  pendingPasswordHash?: string;
  securityProfile?: number;
}

const STATION_ITSELF = '0';

/**
 * How long a connection's or disconnection's write may wait to fold into the station's next one
 * (its boot, a status): it acknowledges nothing, memory and the bus have the news at once, and
 * every statement rewrites the whole document. A station that drops and reconnects within this
 * time costs one statement instead of three.
 */
export const PRESENCE_WRITE_DELAY_MS = 2000;

/** How long the document read to admit a connection may serve that connection's own first read. */
const ADMISSION_READ_TTL_MS = 5000;

interface AdmissionRead {
  /** The document as read (undefined: no such station), once the read is done. */
  loaded: Promise<Lean<ChargingStationDocument> | undefined>;
  doc?: Lean<ChargingStationDocument>;
  at: number;
}

interface PresenceWrite {
  tenantId: TenantId;
  stationId: string;
  fields: Record<string, unknown>;
}

/**
 * A station's document id is derived from its identity, so every lookup by identity is a primary-key
 * lookup on any MongoDB-wire database (on FerretDB's SQLite backend, the cheapest there is).
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
    // One batch at a time: two in flight could store a station's later write before its earlier one.
    { maxItems: 500, maxDelayMs: 2, inFlight: 1 },
    (writes) => this.model.bulkWrite(foldStationWrites(writes), { ordered: true }),
  );
  /** A station's queued write, which a read-modify-write of the same station waits for. */
  private readonly queuedWrites = new Map<string, Promise<void>>();
  /** Presence writes not yet queued, by document id. */
  private readonly presence = new DelayedMerge<string, PresenceWrite>(
    PRESENCE_WRITE_DELAY_MS,
    (earlier, later) => ({ ...earlier, fields: { ...earlier.fields, ...later.fields } }),
    (id, { tenantId, stationId, fields }) => this.enqueue(id, tenantId, stationId, fields),
  );
  /** By document id: lookups arriving together (a reconnect storm's connections) are one query. */
  private readonly documents = this.batchedBy('_id');
  /**
   * Documents read to admit a connection, which its station's first read (on connecting) takes
   * instead of a second query. An entry is dropped by any write queued for its station since the
   * read began, so it never hides a write; presence writes still waiting are applied on top.
   */
  private readonly admissionReads = new Map<string, AdmissionRead>();
  /**
   * Set once shutdown begins: stations still connected disconnect after this (the OCPP server closes
   * them later in the shutdown), and their presence writes must reach the database before it closes.
   */
  private shuttingDown = false;

  constructor(@InjectModel(ChargingStationDocument.name) model: Model<ChargingStationDocument>) {
    super(model);
  }

  onModuleDestroy(): Promise<void> {
    this.shuttingDown = true;
    this.presence.releaseAll();
    return this.writes.drain();
  }

  async create(tenantId: TenantId, stationId: string, fields: StationFields): Promise<ChargingStation> {
    // A refused upgrade a moment ago may have read it as unknown.
    this.admissionReads.delete(stationDocumentId(tenantId, stationId));
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
    const id = stationDocumentId(tenantId, stationId);
    const admitted = this.takeAdmissionRead(id);
    if (admitted) return this.toEntity({ ...admitted, ...this.presence.peek(id)?.fields });
    await this.afterQueuedWrites(tenantId, stationId);
    const [doc] = await this.documents.load({ tenantId, value: id });
    return doc ? this.toEntity(doc) : null;
  }

  /**
   * A station's credentials at its upgrade; null for a station that does not exist. Its document is
   * kept a moment for findByStationId. Attempts repeated within ADMISSION_READ_TTL_MS of a read
   * (refused ones: a misconfigured station retrying, someone guessing) share that read: every write
   * of the station through this instance drops it, another instance's is seen within that time.
   */
  async credentialsOf(tenantId: TenantId, stationId: string): Promise<StationCredentials | null> {
    const id = stationDocumentId(tenantId, stationId);
    const doc = await (this.recentAdmissionRead(id) ?? this.readForAdmission(tenantId, id));
    if (!doc) return null;
    return {
      passwordHash: doc.passwordHash,
      pendingPasswordHash: doc.pendingPasswordHash,
      securityProfile: doc.securityProfile,
    };
  }

  /** Sets the password hashes; `null` removes one. Settles once stored. */
  async setPasswordHashes(
    tenantId: TenantId,
    stationId: string,
    hashes: { passwordHash?: string; pendingPasswordHash?: string | null },
  ): Promise<boolean> {
    const set: Record<string, string> = {};
    const unset: Record<string, ''> = {};
    for (const [field, value] of Object.entries(hashes)) {
      if (value === null) unset[field] = '';
      else if (value !== undefined) set[field] = value;
    }
    this.admissionReads.delete(stationDocumentId(tenantId, stationId));
    await this.afterQueuedWrites(tenantId, stationId);
    const updated = await this.updateOne(tenantId, byIdentity(tenantId, stationId), {
      ...(Object.keys(set).length ? { $set: set } : {}),
      ...(Object.keys(unset).length ? { $unset: unset } : {}),
    });
    return updated !== null;
  }

  private readForAdmission(
    tenantId: TenantId,
    id: string,
  ): Promise<Lean<ChargingStationDocument> | undefined> {
    const loaded = this.documents.load({ tenantId, value: id }).then(([doc]) => doc);
    // A write still queued may be missing from what the read returns: then nothing is kept.
    if (this.queuedWrites.has(id)) return loaded;
    const read: AdmissionRead = { loaded, at: Date.now() };
    this.keepAdmissionRead(id, read);
    const forget = (): void => {
      if (this.admissionReads.get(id) === read) this.admissionReads.delete(id);
    };
    void loaded.then((doc) => (read.doc = doc), forget);
    return loaded;
  }

  /** The read of a recent upgrade of this station, not taken by a connection and not overtaken by a write. */
  private recentAdmissionRead(id: string): Promise<Lean<ChargingStationDocument> | undefined> | undefined {
    const read = this.admissionReads.get(id);
    return read && Date.now() - read.at < ADMISSION_READ_TTL_MS ? read.loaded : undefined;
  }

  private keepAdmissionRead(id: string, read: AdmissionRead): void {
    this.admissionReads.delete(id);
    this.admissionReads.set(id, read);
    // Reads no connection took (refused upgrades, SOAP requests) expire; the oldest come first.
    for (const [oldId, old] of this.admissionReads) {
      if (Date.now() - old.at < ADMISSION_READ_TTL_MS) break;
      this.admissionReads.delete(oldId);
    }
  }

  private takeAdmissionRead(id: string): Lean<ChargingStationDocument> | undefined {
    const read = this.admissionReads.get(id);
    this.admissionReads.delete(id);
    return read?.doc && Date.now() - read.at < ADMISSION_READ_TTL_MS ? read.doc : undefined;
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
    this.admissionReads.delete(stationDocumentId(tenantId, stationId));
    // After the station's queued writes, or an older write could land after this one.
    await this.afterQueuedWrites(tenantId, stationId);
    return this.updateOne(tenantId, byIdentity(tenantId, stationId), update, options);
  }

  /** Write-only update for hot paths: no document comes back; settles once the write is stored. */
  write(tenantId: TenantId, stationId: string, fields: Record<string, unknown>): Promise<void> {
    const id = stationDocumentId(tenantId, stationId);
    // Queued just before this one, a waiting presence write lands in the same batch and folds into it.
    this.presence.release(id);
    return this.enqueue(id, tenantId, stationId, fields);
  }

  /**
   * A write that acknowledges nothing (a connection came or went): it waits up to
   * PRESENCE_WRITE_DELAY_MS for the station's next write, later fields winning (not once shutdown has
   * begun). Settles once stored.
   */
  writePresence(tenantId: TenantId, stationId: string, fields: Record<string, unknown>): Promise<void> {
    const id = stationDocumentId(tenantId, stationId);
    if (this.shuttingDown) return this.enqueue(id, tenantId, stationId, fields);
    return this.presence.add(id, { tenantId, stationId, fields });
  }

  private enqueue(
    id: string,
    tenantId: TenantId,
    stationId: string,
    fields: Record<string, unknown>,
  ): Promise<void> {
    this.admissionReads.delete(id);
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
    this.admissionReads.delete(stationDocumentId(tenantId, stationId));
    return this.deleteOne(tenantId, byIdentity(tenantId, stationId));
  }

  /** The stations matching `filter`, streamed (exports). */
  matching(
    tenantId: TenantId,
    filter: FilterQuery<ChargingStationDocument>,
  ): AsyncGenerator<ChargingStation> {
    return this.streamMatching(tenantId, filter);
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
    const id = stationDocumentId(tenantId, stationId);
    this.presence.release(id);
    await this.queuedWrites.get(id)?.catch(() => undefined);
  }

  protected toEntity(doc: Lean<ChargingStationDocument>): ChargingStation {
    const {
      connectors = {},
      connectorSpecs,
      passwordHash,
      pendingPasswordHash: _pending,
      stationId,
      _id: _ignored,
      ...fields
    } = doc;
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
