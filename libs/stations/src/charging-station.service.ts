import { isDuplicateKeyError } from '@csms/database';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  Connection,
  ConnectionArgs,
  NotFoundError,
  TenantId,
  asTenantId,
  definedOnly,
  isValidTenantId,
} from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { RegistrationPolicy, TenantService } from '@csms/users';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import * as argon2 from 'argon2';
import { FilterQuery } from 'mongoose';
import { ChargingStationRepository, StationCredentials, StationFields } from './charging-station.repository';
import { StationPasswordChecker } from './credentials/station-password.checker';
import { DataTransferHandlers } from './data-transfer-handlers';
import { ChargingStationFilter } from './dto/charging-station-filter.input';
import { CreateChargingStationInput } from './dto/create-charging-station.input';
import {
  CHARGING_STATION_BOOTED,
  CHARGING_STATION_DELETED,
  CHARGING_STATION_UPDATED,
  CONNECTOR_STATUS_CHANGED,
} from './events/station-events';
import { ChargingStation, RegistrationStatus } from './models/charging-station.model';
import { Connector } from './models/connector.model';
import {
  BootDecision,
  BootInfo,
  ConnectionDecision,
  ConnectorStatusReport,
  InboundDataTransfer,
  StationInbound,
  StationLink,
} from './ports/station-inbound.port';
import {
  RegistrationTokenVerifier,
  SiteAreaDirectory,
  StationPlacement,
} from './ports/station-organization.port';
import { ChargingStationDocument, ConnectorState } from './schemas/charging-station.schema';
import { StationConfiguration, withConfiguration } from './station-configuration';
import { isOnline } from './station-online';
import { stationFilterQuery } from './station-filter-query';
import { StationDataTransferRepository } from './station-data-transfer.repository';
import { StationStateCache } from './station-state-cache';

/** What the stations domain needs to know of a session event (published by the transactions module). */
interface SessionEventPayload {
  id: string;
  chargingStationId: string;
  connectorId: number;
}

/** A station read before, with fields written over it since. */
function withFields(station: ChargingStation, fields: StationFields): ChargingStation {
  const updated = { ...station, ...definedOnly(fields) };
  return { ...updated, online: isOnline(updated) };
}

@Injectable()
export class ChargingStationService extends StationInbound implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChargingStationService.name);
  private readonly unsubscribers: (() => void)[] = [];
  private readonly passwords = new StationPasswordChecker();

  constructor(
    private readonly stations: ChargingStationRepository,
    private readonly dataTransfers: StationDataTransferRepository,
    private readonly dataTransferHandlers: DataTransferHandlers,
    private readonly cache: StationStateCache,
    private readonly tenants: TenantService,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly siteAreas?: SiteAreaDirectory,
    @Optional() private readonly registrationTokens?: RegistrationTokenVerifier,
  ) {
    super();
  }

  onModuleInit(): void {
    this.unsubscribers.push(
      this.events.subscribe('TransactionStarted', (event) => {
        const session = event.payload as SessionEventPayload;
        return this.setCurrentTransaction(event.tenantId, session, session.id);
      }),
      this.events.subscribe('TransactionStopped', (event) => {
        const session = event.payload as SessionEventPayload;
        return this.setCurrentTransaction(event.tenantId, session, undefined, session.id);
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  // ---- operator side -------------------------------------------------------------------------

  async create(tenantId: TenantId, input: CreateChargingStationInput): Promise<ChargingStation> {
    const passwordHash = input.password
      ? await argon2.hash(input.password, { type: argon2.argon2id })
      : undefined;
    const placement = input.siteAreaId ? await this.placementOf(tenantId, input.siteAreaId) : undefined;
    try {
      return await this.stations.create(tenantId, input.id, definedOnly({ passwordHash, ...placement }));
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new BadInputError(`Charging station ${input.id} already exists`, { field: 'id' });
      }
      throw error;
    }
  }

  async get(tenantId: TenantId, stationId: string): Promise<ChargingStation> {
    const station = await this.find(tenantId, stationId);
    if (!station) throw new NotFoundError('ChargingStation', stationId);
    return station;
  }

  async find(tenantId: TenantId, stationId: string): Promise<ChargingStation | null> {
    return this.cache.get(tenantId, stationId) ?? this.stations.findByStationId(tenantId, stationId);
  }

  /** `accessible` narrows the page to what the caller may list (accessibleQuery with STATION_FIELD_NAMES). */
  page(
    tenantId: TenantId,
    args: ConnectionArgs,
    accessible: FilterQuery<ChargingStationDocument> = {},
    filter: ChargingStationFilter = {},
  ): Promise<Connection<ChargingStation>> {
    const conditions = stationFilterQuery(filter, this.config.HEARTBEAT_INTERVAL_SECONDS);
    const query = conditions.length === 0 ? accessible : { $and: [accessible, ...conditions] };
    return this.stations.page(tenantId, args, query);
  }

  /** Sets template data or configuration flags; a connected station's cached state keeps its connectors. */
  async updateConfiguration(
    tenantId: TenantId,
    stationId: string,
    configuration: StationConfiguration,
  ): Promise<ChargingStation> {
    const fields = definedOnly(configuration);
    const stored = await this.stations.update(tenantId, stationId, fields);
    if (!stored) throw new NotFoundError('ChargingStation', stationId);
    const cached = this.cache.get(tenantId, stationId);
    const station = cached ? this.cache.set(tenantId, withConfiguration(cached, fields)) : stored;
    this.publishUpdated(tenantId, station);
    return station;
  }

  async delete(tenantId: TenantId, stationId: string): Promise<boolean> {
    if (!(await this.stations.remove(tenantId, stationId)))
      throw new NotFoundError('ChargingStation', stationId);
    this.cache.evict(tenantId, stationId);
    await this.events.publish(
      domainEvent(CHARGING_STATION_DELETED, tenantId, { chargingStationId: stationId }),
    );
    return true;
  }

  // ---- StationInbound: what the OCPP edge reports ----------------------------------------------

  async mayConnect(
    tenant: string,
    stationId: string,
    password?: string,
    certified = false,
    registrationToken?: string,
  ): Promise<ConnectionDecision> {
    if (!isValidTenantId(tenant)) return { allowed: false, reason: 'unknown-tenant' };
    const found = await this.tenants.findActive(tenant);
    if (!found) return { allowed: false, reason: 'unknown-tenant' };
    const credentials = await this.stations.credentialsOf(asTenantId(tenant), stationId);
    if (!credentials) {
      const admitted = await this.registerWithToken(
        asTenantId(tenant),
        stationId,
        password,
        registrationToken,
      );
      if (admitted) return admitted;
      return found.registrationPolicy === RegistrationPolicy.REGISTERED
        ? { allowed: false, reason: 'unknown-station' }
        : { allowed: true, registered: false };
    }
    // Moved to security profile 3: a certificate is the only way in, a password no longer is.
    if ((credentials.securityProfile ?? 0) >= 3 && !certified) {
      return { allowed: false, reason: 'bad-credentials' };
    }
    if (credentials.passwordHash && !certified) {
      const valid = await this.verifyPassword(asTenantId(tenant), stationId, credentials, password);
      if (!valid) return { allowed: false, reason: 'bad-credentials' };
    }
    return { allowed: true, registered: true };
  }

  /**
   * The station's password, or the new one it was sent and has not confirmed yet: a station using
   * that one has taken it (its answer may have been lost), so it becomes the password.
   */
  private async verifyPassword(
    tenantId: TenantId,
    stationId: string,
    credentials: StationCredentials,
    password: string | undefined,
  ): Promise<boolean> {
    if (password === undefined) return false;
    // argon2 spent once per password and stored hash, guessers throttled (StationPasswordChecker).
    const key = `${tenantId}\u0000${stationId}`;
    const matches = async (hash: string | undefined) =>
      hash !== undefined && (await this.passwords.check(key, hash, password)) === 'right';
    if (await matches(credentials.passwordHash)) return true;
    if (!(await matches(credentials.pendingPasswordHash))) return false;
    await this.stations.setPasswordHashes(tenantId, stationId, {
      passwordHash: credentials.pendingPasswordHash,
      pendingPasswordHash: null,
    });
    return true;
  }

  async connected(tenantId: TenantId, stationId: string, link: StationLink): Promise<void> {
    const fields = { ...this.linkFields(link), online: true, lastSeen: new Date() };
    // A known station (nearly always) is read in a batch and written in a batch: a storm's thousands
    // of connections are a few queries instead of a round-trip each.
    const known = await this.stations.findByStationId(tenantId, stationId);
    if (!known) {
      const created = await this.stations.update(tenantId, stationId, fields, { upsert: true });
      if (created) this.publishUpdated(tenantId, this.cache.set(tenantId, created));
      return;
    }
    this.publishUpdated(tenantId, this.cache.set(tenantId, withFields(known, fields)));
    // The station's calls need not wait for this write: a connection acknowledges nothing, and it
    // folds into the station's next write (its boot, usually).
    void this.recordPresence(tenantId, stationId, fields);
  }

  async disconnected(tenantId: TenantId, stationId: string): Promise<void> {
    const cached = this.cache.get(tenantId, stationId);
    this.cache.evict(tenantId, stationId);
    if (cached) {
      // A station that reconnects soon (a network blip, a storm) overwrites this before it is stored.
      const stored = this.recordPresence(tenantId, stationId, { online: false });
      this.publishUpdated(tenantId, { ...cached, online: false });
      // Settles once stored: at shutdown the OCPP server waits for it before the database closes.
      return stored;
    }
    const station = await this.stations.update(tenantId, stationId, { online: false });
    if (station) this.publishUpdated(tenantId, station);
  }

  async boot(
    tenantId: TenantId,
    stationId: string,
    info: BootInfo,
    link: StationLink,
  ): Promise<BootDecision> {
    const now = new Date();
    const interval = this.config.HEARTBEAT_INTERVAL_SECONDS;
    const { reason: _reason, ...vendorData } = info;
    const fields: StationFields = {
      ...definedOnly(vendorData),
      ...this.linkFields(link),
      online: true,
      lastSeen: now,
      lastBootAt: now,
      heartbeatIntervalSeconds: interval,
    };
    // A JSON station is cached from its connection on. Uncached, that connection has closed since (its
    // boot waited too long, in a storm): nobody reads this answer and the station repeats its boot when
    // it reconnects, so nothing is recorded (it would mark a gone station online).
    if (!this.cache.get(tenantId, stationId) && link.ocppProtocol === 'json')
      return { status: 'Rejected', interval, currentTime: now };
    const station = await this.setFields(tenantId, stationId, fields, { upsert: true });
    if (station) this.publishUpdated(tenantId, this.cache.set(tenantId, station));
    // An operator may hold a station back (Pending: not yet in service; Rejected: refused).
    const status = station?.registrationStatus ?? RegistrationStatus.ACCEPTED;
    if (status !== RegistrationStatus.ACCEPTED) return { status, interval, currentTime: now };
    await this.events.publish(
      domainEvent(CHARGING_STATION_BOOTED, tenantId, { chargingStationId: stationId, bootedAt: now }),
    );
    return { status: 'Accepted', interval, currentTime: now };
  }

  async heartbeat(tenantId: TenantId, stationId: string): Promise<Date> {
    const now = new Date();
    const cached = this.cache.get(tenantId, stationId);
    await this.stations.write(tenantId, stationId, { lastSeen: now, online: true });
    if (cached) {
      const updated = this.cache.set(tenantId, { ...cached, lastSeen: now, online: true });
      if (!cached.online) this.publishUpdated(tenantId, updated);
    }
    return now;
  }

  async statusNotification(
    tenantId: TenantId,
    stationId: string,
    report: ConnectorStatusReport,
  ): Promise<void> {
    const station = await this.stationState(tenantId, stationId);
    const previous = this.connectorOf(station, report.connectorId);
    const reportedAt = report.timestamp ?? new Date();
    // Offline replays may arrive after a newer status: keep the newest.
    if (previous?.statusUpdatedAt && previous.statusUpdatedAt > reportedAt) return;
    const connector: Connector = {
      ...previous,
      connectorId: report.connectorId,
      status: report.status,
      errorCode: report.errorCode,
      info: report.info,
      vendorId: report.vendorId,
      vendorErrorCode: report.vendorErrorCode,
      statusUpdatedAt: reportedAt,
    };
    await this.saveConnector(tenantId, station, connector, { lastSeen: new Date(), online: true });
    await this.events.publish(
      domainEvent(CONNECTOR_STATUS_CHANGED, tenantId, {
        chargingStationId: stationId,
        connector,
        previousStatus: previous?.status,
      }),
    );
  }

  async dataTransfer(
    tenantId: TenantId,
    stationId: string,
    request: InboundDataTransfer,
  ): Promise<{ status: string; data?: string }> {
    const answer = await this.dataTransferHandlers.handle(tenantId, stationId, request);
    await this.dataTransfers.record(tenantId, {
      chargingStationId: stationId,
      vendorId: request.vendorId,
      messageId: request.messageId,
      data: request.data,
      status: answer.status,
      responseData: answer.data,
    });
    return answer;
  }

  firmwareStatus(tenantId: TenantId, stationId: string, status: string): Promise<void> {
    return this.recordStatus(tenantId, stationId, { firmwareStatus: status, firmwareStatusAt: new Date() });
  }

  diagnosticsStatus(tenantId: TenantId, stationId: string, status: string): Promise<void> {
    return this.recordStatus(tenantId, stationId, {
      diagnosticsStatus: status,
      diagnosticsStatusAt: new Date(),
    });
  }

  // ---- internals -------------------------------------------------------------------------------

  private async placementOf(tenantId: TenantId, siteAreaId: string): Promise<StationPlacement> {
    const placement = await this.siteAreas?.placementOf(tenantId, siteAreaId);
    if (!placement) throw new BadInputError(`Site area ${siteAreaId} not found`, { field: 'siteAreaId' });
    return placement;
  }

  /**
   * A new station presenting a valid registration token (`?token=` on the URL, or as its Basic-auth
   * password) is registered whatever the tenant's policy, in the token's site area. A token given as
   * password becomes the station's password. Null: no token presented (the policy decides).
   */
  private async registerWithToken(
    tenantId: TenantId,
    stationId: string,
    password: string | undefined,
    registrationToken: string | undefined,
  ): Promise<ConnectionDecision | null> {
    if (!this.registrationTokens) return null;
    if (registrationToken !== undefined) {
      const admission = await this.registrationTokens.verify(tenantId, registrationToken);
      if (!admission) return { allowed: false, reason: 'bad-credentials' };
      const fields = { ...admission.placement, lastSeen: new Date() };
      await this.stations.update(tenantId, stationId, fields, { upsert: true });
      return { allowed: true, registered: true };
    }
    // A password that is no token is left to the policy (an OPEN tenant ignores it for new stations).
    const admission = password ? await this.registrationTokens.verify(tenantId, password) : null;
    if (!admission || !password) return null;
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await this.stations.update(
      tenantId,
      stationId,
      { ...admission.placement, passwordHash },
      { upsert: true },
    );
    return { allowed: true, registered: true };
  }

  /** Writes fields over a station; a cached one needs no read back (and stays cached). Null: unknown. */
  private async setFields(
    tenantId: TenantId,
    stationId: string,
    fields: StationFields,
    options: { upsert?: boolean } = {},
  ): Promise<ChargingStation | null> {
    const cached = this.cache.get(tenantId, stationId);
    if (!cached) return this.stations.update(tenantId, stationId, fields, options);
    await this.stations.write(tenantId, stationId, fields);
    return this.cache.set(tenantId, withFields(cached, fields));
  }

  /** Never rejects: a failure is logged. */
  private recordPresence(tenantId: TenantId, stationId: string, fields: StationFields): Promise<void> {
    return this.stations.writePresence(tenantId, stationId, fields).catch((error: unknown) => {
      this.logger.error({ err: error, tenantId, stationId }, 'Could not record a connection change');
    });
  }

  private async recordStatus(tenantId: TenantId, stationId: string, fields: StationFields): Promise<void> {
    const station = await this.setFields(tenantId, stationId, fields);
    if (station) this.publishUpdated(tenantId, station);
  }

  /** The cached station, loaded once (or created, for a station the edge let in) after a restart. */
  private async stationState(tenantId: TenantId, stationId: string): Promise<ChargingStation> {
    const cached = this.cache.get(tenantId, stationId);
    if (cached) return cached;
    const station =
      (await this.stations.findByStationId(tenantId, stationId)) ??
      (await this.stations.update(tenantId, stationId, { online: true }, { upsert: true }));
    if (!station) throw new NotFoundError('ChargingStation', stationId);
    return this.cache.set(tenantId, station);
  }

  private connectorOf(station: ChargingStation, connectorId: number): Connector | undefined {
    if (connectorId === 0) {
      return station.status
        ? { connectorId: 0, status: station.status, errorCode: station.errorCode }
        : undefined;
    }
    return station.connectors.find((connector) => connector.connectorId === connectorId);
  }

  private async saveConnector(
    tenantId: TenantId,
    station: ChargingStation,
    connector: Connector,
    extra: Record<string, unknown> = {},
    keepInCache = true,
  ): Promise<void> {
    const updated: ChargingStation =
      connector.connectorId === 0
        ? { ...station, status: connector.status, errorCode: connector.errorCode }
        : {
            ...station,
            connectors: [
              ...station.connectors.filter((existing) => existing.connectorId !== connector.connectorId),
              connector,
            ].sort((a, b) => a.connectorId - b.connectorId),
          };
    if (keepInCache) this.cache.set(tenantId, { ...updated, ...extra });
    const state: ConnectorState = definedOnly(connector) as ConnectorState;
    await this.stations.write(tenantId, station.id, {
      [`connectors.${connector.connectorId}`]: state,
      ...extra,
    });
    this.publishUpdated(tenantId, { ...updated, ...extra });
  }

  private async setCurrentTransaction(
    tenantId: TenantId,
    session: SessionEventPayload,
    transactionId: string | undefined,
    onlyIfCurrent?: string,
  ): Promise<void> {
    const cached = this.cache.get(tenantId, session.chargingStationId);
    const station = cached ?? (await this.stations.findByStationId(tenantId, session.chargingStationId));
    if (!station) return;
    const connector = this.connectorOf(station, session.connectorId) ?? {
      connectorId: session.connectorId,
      status: 'Unknown',
    };
    if (onlyIfCurrent && connector.currentTransactionId !== onlyIfCurrent) return;
    await this.saveConnector(
      tenantId,
      station,
      { ...connector, currentTransactionId: transactionId },
      {},
      !!cached,
    );
  }

  private linkFields(link: StationLink): StationFields {
    return definedOnly({
      ocppVersion: link.ocppVersion,
      ocppProtocol: link.ocppProtocol,
      endpoint: link.endpoint,
    });
  }

  private publishUpdated(tenantId: TenantId, station: ChargingStation): void {
    this.events.publish(domainEvent(CHARGING_STATION_UPDATED, tenantId, station)).catch((error: unknown) => {
      this.logger.error({ err: error }, 'Could not publish ChargingStationUpdated');
    });
  }
}
