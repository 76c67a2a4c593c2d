import { setMaxListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import {
  advanceCharge,
  DEFAULT_SUPPLY,
  electricalReading,
  evAcceptedPowerW,
  supplyForEv,
  supplyMaxPowerW,
  SupplySpec,
} from '../model/charge-curve';
import { ChargingProfile, ChargingProfileStore } from '../model/charging-profiles';
import { ConfigStore } from '../model/config-store';
import {
  ChargingSession,
  Connector,
  ConnectorStatus,
  MeterSample,
  SessionOrigin,
  StopReason,
} from '../model/connector';
import { CatalogCar } from '../model/car-catalog';
import { ArrivingEv, nextEv } from '../model/ev-fleet';
import { BootReason, StationProtocol } from '../protocol/station-protocol';
import { SimulationStats } from '../stats/simulation-stats';
import { TransportFactory } from '../transport/ocpp-transport';
import { delay, withTimeout } from './delay';
import { StationCommands } from './station-commands';
import { StationConnection } from './station-connection';

export interface StationSettings {
  identity: string;
  endpoint: string;
  password?: string;
  connectors: number;
  meterIntervalS: number;
  speed: number;
  rebootDelayS: number;
  /** Seconds between the end of a transaction and the EV leaving the connector. */
  unplugDelayS: number;
  /** Can put a single-phase car on any phase (OCPP 2.0.1 phaseToUse); otherwise it draws on L1. */
  phaseSwitching?: boolean;
  /** What feeds its connectors: 32 A on three phases unless said otherwise (a DC charger, say). */
  supply?: SupplySpec;
  /** The cars that come to charge (the car catalog's); generic AC cars when not given. */
  cars?: readonly CatalogCar[];
}

export type ProtocolFactory = (station: SimulatedStation) => StationProtocol;

/** How a station speaks: the version adapter and the transport that carries its messages. */
export interface OcppBinding {
  protocol: ProtocolFactory;
  transport: TransportFactory;
}

const FREE_STATUSES: readonly ConnectorStatus[] = ['Available', 'Preparing', 'Reserved'];

/**
 * One simulated charging station, independent of the OCPP version: connectors, EV sessions charging along
 * the charge curve, configuration, charging profiles, reservations, local list, reboots and outages. The
 * protocol adapter turns its events into messages and the CSMS's commands into calls on it.
 */
export class SimulatedStation {
  readonly connectors: Connector[];
  readonly config: ConfigStore;
  readonly profiles = new ChargingProfileStore();
  readonly supply: SupplySpec;
  readonly authCache = new Map<string, boolean>();
  readonly localList = { version: 0, entries: new Map<string, boolean>() };
  readonly connection: StationConnection;
  readonly protocol: StationProtocol;
  /** The CSMS's commands, version-neutral; the protocol adapters decode into these. */
  readonly commands: StationCommands = new StationCommands(this);
  firmwareVersion = '1.0.0';
  /** Resolves once the station has booted for the first time (or stopped trying). */
  readonly firstBoot: Promise<void>;
  private resolveFirstBoot: () => void = () => undefined;
  bootCount = 0;
  private readonly lifetime = new AbortController();
  private heartbeatTimer?: NodeJS.Timeout;
  private meterTimer?: NodeJS.Timeout;
  private booted = false;
  private rebooting = false;

  constructor(
    readonly settings: StationSettings,
    readonly stats: SimulationStats,
    private readonly random: () => number,
    binding: OcppBinding,
  ) {
    this.supply = settings.supply ?? DEFAULT_SUPPLY;
    setMaxListeners(0, this.lifetime.signal);
    this.firstBoot = new Promise<void>((resolve) => (this.resolveFirstBoot = resolve));
    this.protocol = binding.protocol(this);
    this.config = new ConfigStore(this.protocol.configDefinitions());
    this.config.onChange((key) => {
      if (key === this.protocol.keys.heartbeatInterval) this.startHeartbeat();
      if (key === this.protocol.keys.meterInterval) this.startMeterTimer();
    });
    this.connectors = Array.from({ length: settings.connectors }, (_, index) => ({
      id: index + 1,
      status: 'Available',
      operative: true,
      energyRegisterWh: Math.round(random() * 2_000_000),
    }));
    this.connection = new StationConnection(
      {
        endpoint: settings.endpoint,
        identity: settings.identity,
        transport: binding.transport,
        password: settings.password,
      },
      stats,
      (client) => this.protocol.registerHandlers(client),
    );
    this.connection.onReconnected = () => {
      if (this.booted && !this.rebooting) this.becomeReady();
    };
  }

  get identity(): string {
    return this.settings.identity;
  }

  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  get running(): boolean {
    return !this.lifetime.signal.aborted;
  }

  connector(id: number): Connector | undefined {
    return this.connectors.find((connector) => connector.id === id);
  }

  activeSessions(): number {
    return this.connectors.filter((connector) => connector.session && !connector.session.stopping).length;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  async start(): Promise<void> {
    await this.connectAndBoot('PowerUp');
  }

  /** Ends running sessions as a driver would, waits for them to be reported, then disconnects. */
  async shutdown(drainMs = 5000): Promise<void> {
    const stops = this.connectors.filter((c) => c.session).map((c) => this.stopSession(c, 'Local', false));
    await withTimeout(Promise.all(stops), drainMs);
    await this.waitForQueue(drainMs);
    this.lifetime.abort();
    this.resolveFirstBoot();
    this.stopTimers();
    await this.connection.close();
  }

  /** Reset: stops sessions, disconnects, stays down for the reboot delay, then reconnects and boots. */
  async reboot(kind: 'Hard' | 'Soft', reason: BootReason = 'RemoteReset'): Promise<void> {
    if (this.rebooting || !this.running) return;
    this.rebooting = true;
    try {
      const stops = this.connectors
        .filter((c) => c.session)
        .map((c) => this.stopSession(c, kind === 'Hard' ? 'HardReset' : 'SoftReset', false));
      await withTimeout(Promise.all(stops), 5000);
      await this.waitForQueue(5000);
      await this.goDown();
      if (!(await delay(this.settings.rebootDelayS * 1000, this.signal))) return;
      for (const connector of this.connectors) {
        if (connector.status === 'Finishing') connector.status = 'Available';
        if (!connector.operative) connector.status = 'Unavailable';
      }
      await this.connectAndBoot(reason);
    } finally {
      this.rebooting = false;
    }
  }

  /** Reconnect storm: the connection drops and the station reconnects and boots at once. */
  async reconnectAndBoot(): Promise<void> {
    if (this.rebooting || !this.running) return;
    await this.goDown();
    await this.connectAndBoot('PowerUp');
  }

  /** Network outage: the station keeps charging and queues its transaction messages. */
  async goOffline(): Promise<void> {
    await this.connection.close();
  }

  async goOnline(): Promise<void> {
    if (!this.running || this.connection.isConnected) return;
    await this.connectWithRetry();
    this.becomeReady();
  }

  private async goDown(): Promise<void> {
    this.booted = false;
    this.stopTimers();
    await this.connection.close();
  }

  private async connectAndBoot(reason: BootReason): Promise<void> {
    await this.connectWithRetry();
    let retryS = 5;
    while (this.running) {
      try {
        const answer = await this.protocol.boot(reason);
        this.stats.boots++;
        if (answer.accepted) {
          this.bootCount++;
          this.booted = true;
          this.resolveFirstBoot();
          if (answer.intervalS > 0)
            this.config.change(this.protocol.keys.heartbeatInterval, String(answer.intervalS));
          this.becomeReady();
          return;
        }
        retryS = answer.intervalS > 0 ? answer.intervalS : retryS;
      } catch {
        retryS = Math.min(retryS * 2, 30);
      }
      if (!(await delay(retryS * 1000, this.signal))) return;
      if (!this.connection.isConnected) await this.connectWithRetry();
    }
  }

  private async connectWithRetry(): Promise<void> {
    let waitMs = 1000;
    while (this.running) {
      try {
        await this.connection.open();
        return;
      } catch (error) {
        this.stats.recordError(
          `${this.identity} connect: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!(await delay(waitMs * (0.75 + this.random() / 2), this.signal))) return;
        waitMs = Math.min(waitMs * 2, 30_000);
      }
    }
  }

  /** Online and accepted: report every connector, replay what was queued, restart the timers. */
  private becomeReady(): void {
    this.connection.ready = true;
    for (const connector of this.connectors) this.protocol.sendStatus(connector);
    void this.connection.flush();
    this.startHeartbeat();
    this.startMeterTimer();
  }

  private async waitForQueue(maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.connection.queueLength > 0 && this.connection.ready && Date.now() < until) await delay(20);
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    const seconds = this.config.getNumber(this.protocol.keys.heartbeatInterval, 300);
    if (seconds <= 0 || !this.running) return;
    this.heartbeatTimer = setInterval(() => {
      if (this.connection.ready) this.protocol.heartbeat().catch(() => undefined);
    }, seconds * 1000);
    this.heartbeatTimer.unref();
  }

  private startMeterTimer(): void {
    clearInterval(this.meterTimer);
    const seconds = this.config.getNumber(this.protocol.keys.meterInterval, this.settings.meterIntervalS);
    if (seconds <= 0 || !this.running) return;
    this.meterTimer = setInterval(() => this.meterTick(), seconds * 1000);
  }

  private stopTimers(): void {
    clearInterval(this.heartbeatTimer);
    clearInterval(this.meterTimer);
  }

  // ---- sessions --------------------------------------------------------------------------------

  canStart(connector: Connector, idTag: string): boolean {
    if (!this.running || this.rebooting || connector.session || !connector.operative) return false;
    if (!FREE_STATUSES.includes(connector.status)) return false;
    return !connector.reservation || connector.reservation.idTag === idTag;
  }

  /**
   * Plugs an EV in and runs a whole session: authorize, start, charge (the meter timer does the rest).
   * Resolves false when it could not start; `connector.freed` resolves when the EV has left.
   */
  async runSession(
    connector: Connector,
    idTag: string,
    origin: SessionOrigin,
    extras: { remoteStartId?: number; txProfile?: ChargingProfile; ev?: ArrivingEv } = {},
  ): Promise<boolean> {
    if (!this.canStart(connector, idTag)) return false;
    connector.freed = new Promise<void>((resolve) => this.freeResolvers.set(connector.id, resolve));
    const reservation = connector.reservation;
    this.setStatus(connector, 'Preparing');
    const authorized =
      origin === 'Remote' && !this.config.getBoolean(this.protocol.keys.authorizeRemoteStart)
        ? true
        : await this.authorize(idTag);
    if (!authorized || !this.running || connector.session) {
      this.setStatus(connector, reservation ? 'Reserved' : 'Available');
      this.release(connector);
      return false;
    }
    if (reservation) {
      clearTimeout(reservation.timer);
      connector.reservation = undefined;
    }
    const ev = extras.ev ?? nextEv(this.random, this.settings.cars);
    const now = new Date();
    const session: ChargingSession = {
      localId: randomUUID(),
      idTag,
      origin,
      remoteStartId: extras.remoteStartId,
      reservationId: reservation?.id,
      ev: ev.spec,
      evName: ev.name,
      targetSoc: ev.targetSoc,
      charge: { socPercent: ev.arrivalSoc, energyRegisterWh: connector.energyRegisterWh },
      meterStartWh: connector.energyRegisterWh,
      startedAt: now,
      powerW: 0,
      capW: Infinity,
      steppedAt: now.getTime(),
      seqNo: 0,
      stopping: false,
    };
    connector.session = session;
    if (extras.txProfile) this.profiles.set({ ...extras.txProfile, connectorId: connector.id });
    this.stats.sessionsStarted++;
    this.stats.activeSessions++;
    this.refreshPower(connector);
    const started = this.protocol.startTransaction(connector, session, this.sample(connector));
    const onAnswer = (status: string | undefined): void => {
      if (status === undefined || status === 'Accepted') return;
      this.stats.recordRefusal(`StartTransaction refused for ${idTag} (${status})`);
      if (connector.session === session) void this.stopSession(connector, 'DeAuthorized');
    };
    if (this.connection.ready) {
      const status = await started;
      if (connector.session === session && !session.stopping)
        this.setStatus(connector, this.chargingStatus(session));
      onAnswer(status);
    } else {
      this.setStatus(connector, this.chargingStatus(session));
      void started.then(onAnswer);
    }
    return true;
  }

  /** Ends the session on a connector; with `unplug` the EV leaves after the unplug delay. */
  async stopSession(connector: Connector, reason: StopReason, unplug = true): Promise<void> {
    const session = connector.session;
    if (!session || session.stopping) return;
    this.step(connector, Date.now());
    session.stopping = true;
    session.stopReason = reason;
    session.stoppedAt = new Date();
    session.powerW = 0;
    this.stats.activeSessions--;
    this.stats.sessionsCompleted++;
    const stopped = this.protocol.stopTransaction(connector, session, this.sample(connector));
    this.profiles.clearTransaction(connector.id);
    this.setStatus(connector, 'Finishing');
    if (this.connection.ready) await withTimeout(stopped, 10_000);
    connector.session = undefined;
    if (unplug) await delay(this.settings.unplugDelayS * 1000, this.signal);
    if (connector.scheduledOperative !== undefined) {
      connector.operative = connector.scheduledOperative;
      connector.scheduledOperative = undefined;
    }
    if (connector.status === 'Finishing' && (unplug || !this.running)) {
      this.setStatus(connector, connector.operative ? 'Available' : 'Unavailable');
    }
    this.rebalance();
    this.release(connector);
  }

  /** Resolves when the connector has no session (immediately when it is free). */
  async waitUntilFree(connector: Connector, signal?: AbortSignal): Promise<void> {
    while (connector.freed && this.running && !signal?.aborted) {
      const controller = new AbortController();
      const onAbort = (): void => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      await Promise.race([connector.freed, delay(2 ** 31 - 1, controller.signal)]);
      controller.abort();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private readonly freeResolvers = new Map<number, () => void>();

  private release(connector: Connector): void {
    const resolve = this.freeResolvers.get(connector.id);
    this.freeResolvers.delete(connector.id);
    connector.freed = undefined;
    resolve?.();
  }

  private async authorize(idTag: string): Promise<boolean> {
    const local = this.localList.entries.get(idTag);
    const preAuthorize = this.config.getBoolean(this.protocol.keys.localPreAuthorize);
    if (preAuthorize && (local ?? this.authCache.get(idTag))) return true;
    if (!this.connection.ready) {
      if (!this.config.getBoolean(this.protocol.keys.localAuthorizeOffline)) return false;
      const known = local ?? this.authCache.get(idTag);
      return known ?? this.config.getBoolean(this.protocol.keys.allowOfflineUnknownId);
    }
    try {
      const status = await this.protocol.authorize(idTag);
      const accepted = status === 'Accepted';
      this.authCache.set(idTag, accepted);
      if (!accepted) {
        this.stats.recordRefusal(
          `Authorize refused for ${idTag} (${status}): create the badge in the CSMS or pass --tag`,
        );
      }
      return accepted;
    } catch {
      // A CALLERROR or timeout, already counted as an error by the connection.
      return false;
    }
  }

  // ---- physics ---------------------------------------------------------------------------------

  /** Integrates every charging connector up to now (before a cap changes), then recomputes power. */
  rebalance(): void {
    const now = Date.now();
    for (const connector of this.connectors)
      if (connector.session && !connector.session.stopping) this.step(connector, now);
    for (const connector of this.connectors) this.refreshPower(connector);
  }

  /**
   * What a connector may deliver now: its own Tx/TxDefault profiles (amperes per phase on the phases
   * its car draws), its share of the station's maximum profile, and what the supply gives that car.
   * The station maximum is shared as a real station does: water-filling over what each session would
   * take on its own, so a session capped lower leaves the rest to the others.
   */
  private capFor(connector: Connector, at: Date): number {
    const own = this.ownCapW(connector, at);
    const stationLimit = this.profiles.stationLimitW(at, this.supply);
    if (!Number.isFinite(stationLimit)) return own;
    const wants = this.connectors
      .filter((other) => other.session && !other.session.stopping)
      .map((other) => ({
        id: other.id,
        want: Math.min(
          this.ownCapW(other, at),
          evAcceptedPowerW(other.session!.ev, other.session!.charge.socPercent, this.supply.currentType),
        ),
      }))
      .sort((a, b) => a.want - b.want);
    let left = stationLimit;
    for (const [index, entry] of wants.entries()) {
      const share = Math.min(entry.want, left / (wants.length - index));
      if (entry.id === connector.id) return Math.min(own, share);
      left -= share;
    }
    return Math.min(own, left);
  }

  private ownCapW(connector: Connector, at: Date): number {
    const session = connector.session;
    const supply = session ? supplyForEv(this.supply, session.ev) : this.supply;
    const tx = session
      ? { transactionId: session.transactionId ?? session.localId, startedAt: session.startedAt }
      : undefined;
    return Math.min(this.profiles.connectorLimitW(connector.id, at, supply, tx), supplyMaxPowerW(supply));
  }

  /** The station phases (0-based) the car on this connector draws on. */
  phasesOf(connector: Connector): number[] {
    const session = connector.session;
    const all = [0, 1, 2].slice(0, this.supply.phases);
    if (!session || this.supply.currentType === 'DC') return all;
    if (session.ev.phases === 2) return all.slice(0, 2);
    if (session.ev.phases !== 1) return all;
    const tx = { transactionId: session.transactionId ?? session.localId, startedAt: session.startedAt };
    const phaseToUse = this.settings.phaseSwitching
      ? this.profiles.phaseToUseAt(connector.id, new Date(), tx)
      : undefined;
    return [(phaseToUse ?? 1) - 1];
  }

  private step(connector: Connector, now: number): void {
    const session = connector.session;
    if (!session || session.stopping) return;
    const seconds = ((now - session.steppedAt) / 1000) * this.settings.speed;
    session.steppedAt = now;
    const cap = this.capFor(connector, new Date(now));
    const supply = supplyForEv(this.supply, session.ev);
    const result = advanceCharge(session.charge, session.ev, supply, cap, seconds, session.targetSoc);
    session.charge = result.state;
    session.powerW = result.powerW;
    session.capW = cap;
    connector.energyRegisterWh = result.state.energyRegisterWh;
    this.stats.energyWh += result.energyWh;
  }

  private refreshPower(connector: Connector): void {
    const session = connector.session;
    if (!session || session.stopping) return;
    session.capW = this.capFor(connector, new Date());
    session.powerW = advanceCharge(
      session.charge,
      session.ev,
      supplyForEv(this.supply, session.ev),
      session.capW,
      0,
      session.targetSoc,
    ).powerW;
  }

  private chargingStatus(session: ChargingSession): ConnectorStatus {
    if (session.capW <= 0) return 'SuspendedEVSE';
    return session.powerW > 0 ? 'Charging' : 'SuspendedEV';
  }

  private meterTick(): void {
    const now = Date.now();
    for (const connector of this.connectors) this.step(connector, now);
    for (const connector of this.connectors) {
      const session = connector.session;
      if (!session || session.stopping) continue;
      if (session.charge.socPercent >= session.targetSoc - 1e-6) {
        void this.stopSession(connector, 'EVDisconnected');
        continue;
      }
      const status = this.chargingStatus(session);
      if (status !== connector.status && connector.status !== 'Preparing') this.setStatus(connector, status);
      this.protocol.sendMeterValues(connector, session, this.sample(connector));
    }
  }

  sample(connector: Connector): MeterSample {
    const session = connector.session && !connector.session.stopping ? connector.session : undefined;
    const reading = electricalReading(session?.powerW ?? 0, this.supply, this.phasesOf(connector));
    return {
      timestamp: new Date(),
      energyRegisterWh: connector.energyRegisterWh,
      powerW: reading.powerW,
      currentsA: reading.currentsA,
      voltagesV: reading.voltagesV,
      socPercent: connector.session?.charge.socPercent,
      direct: this.supply.currentType === 'DC',
    };
  }

  setStatus(connector: Connector, status: ConnectorStatus): void {
    connector.status = status;
    if (this.connection.ready) this.protocol.sendStatus(connector);
  }

  /** Runs `task` after `ms` unless the station stops meanwhile. */
  later(ms: number, task: () => void | Promise<void>): void {
    void delay(ms, this.signal).then((ran) => {
      if (ran) void Promise.resolve(task()).catch(() => undefined);
    });
  }
}
