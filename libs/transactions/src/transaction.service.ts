import { isDuplicateKeyError } from '@csms/database';
import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { CHARGING_PROFILE_SET, ChargingProfileSetEvent, authorizationOfTag } from '@csms/stations';
import { Rational, Tariff, tariffDisplayText, toSessionPrice } from '@csms/pricing';
import { TagService, UserService } from '@csms/users';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { ActiveSession, ActiveTransactionCache } from './active-transaction-cache';
import { limitWattsOf, periodWatts } from './consumptions/charging-limit';
import { ConsumptionBatchWriter } from './consumptions/consumption-batch-writer';
import { ConsumptionPoint, toConsumption } from './consumptions/consumption-math';
import { ConsumptionRecord, ConsumptionRepository } from './consumptions/consumption.repository';
import {
  CONSUMPTION_ADDED,
  TRANSACTION_STARTED,
  TRANSACTION_STOPPED,
  TRANSACTION_UPDATED,
  UNKNOWN_TAG_PRESENTED,
  UnknownTagPresentedEvent,
} from './events/transaction-events';
import { Consumption, StateOfChargeSource } from './models/consumption.model';
import { Transaction } from './models/transaction.model';
import {
  IdTagInfo,
  MeterValue,
  ProposedSchedule,
  SessionCost,
  StartTransactionRequest,
  StartTransactionResult,
  StopTransactionRequest,
  TransactionInbound,
} from './ports/transaction-inbound.port';
import { SessionPrerequisites } from './ports/session-prerequisites.port';
import { ExternalTagAuthorizer } from './ports/external-tag-authorizer.port';
import { SessionPricingService } from './pricing/session-pricing.service';
import { TransactionCounterRepository } from './transaction-counter.repository';
import { TransactionProgressWriter } from './transaction-progress-writer';
import { NewTransaction, StoppedSessionsWindow, TransactionRepository } from './transaction.repository';

/** The stop reason of a session closed because a new one started on its connector. */
export const SUPERSEDED_REASON = 'Superseded';
/** The stop reason of a session closed by housekeeping after no news for too long. */
export const STALE_SESSION_REASON = 'StaleSession';

/** The stop a stopped session already holds: the same time and meter reading. */
function isRepeatedStop(transaction: Transaction, request: StopTransactionRequest): boolean {
  return (
    !transaction.active &&
    transaction.stoppedAt?.getTime() === request.timestamp.getTime() &&
    transaction.meterStopWh === request.meterStopWh
  );
}

function costOf(transaction: Transaction | undefined): SessionCost | undefined {
  const price = transaction?.price;
  return price ? { totalCost: price.inclVat, currency: price.currency } : undefined;
}

function personalMessageOf(tariff: Tariff, locale: string | undefined): IdTagInfo['personalMessage'] {
  const { language, text } = tariffDisplayText(tariff, locale);
  return { content: text, language };
}

function toGraphQLConsumption(point: ConsumptionPoint): Consumption {
  // Not `{ ...point, stateOfChargeSource }`: V8 (Node 20) gives a spread that adds a property a map
  // of its own, per object, and every listener's reads of the points then miss their caches.
  return point.stateOfCharge === undefined
    ? point
    : Object.assign({}, point, { stateOfChargeSource: StateOfChargeSource.STATION });
}

@Injectable()
export class TransactionService extends TransactionInbound implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TransactionService.name);
  private readonly closing = new Set<string>();
  private readonly stationCloses = new Map<string, Promise<void>>();
  private unsubscribe?: () => void;

  constructor(
    private readonly transactions: TransactionRepository,
    private readonly counters: TransactionCounterRepository,
    private readonly consumptions: ConsumptionRepository,
    private readonly writer: ConsumptionBatchWriter,
    private readonly progress: TransactionProgressWriter,
    private readonly active: ActiveTransactionCache,
    private readonly tags: TagService,
    private readonly users: UserService,
    private readonly events: EventBus,
    private readonly pricing: SessionPricingService,
    @Optional() private readonly prerequisites?: SessionPrerequisites,
    @Optional() private readonly external?: ExternalTagAuthorizer,
  ) {
    super();
  }

  /** A profile the station accepted is the limit in force for its sessions' next curve points. */
  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe<ChargingProfileSetEvent>(CHARGING_PROFILE_SET, (event) => {
      const { chargingStationId, connectorId, profile } = event.payload;
      const limitWatts = limitWattsOf(profile, new Date());
      for (const session of this.active.ofStation(event.tenantId, chargingStationId)) {
        const { transaction } = session;
        if (connectorId !== 0 && transaction.connectorId !== connectorId) continue;
        const profileTransaction = profile.ocppTransactionId ?? profile.transactionId;
        if (
          profileTransaction !== undefined &&
          profileTransaction !== null &&
          String(profileTransaction) !== transaction.ocppTransactionId
        ) {
          continue;
        }
        session.limitWatts = limitWatts;
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  // ---- reads for GraphQL ----------------------------------------------------------------------

  findById(tenantId: TenantId, id: string): Promise<Transaction | null> {
    return this.transactions.findById(tenantId, id);
  }

  /** The open sessions of these stations (one query: the lookups batch). */
  /** Stopped, priced sessions of users in a window, page by page (billing's reconciliation). */
  stoppedPriced(tenantId: TenantId, window: StoppedSessionsWindow, limit: number): Promise<Transaction[]> {
    return this.transactions.findStoppedPriced(tenantId, window, limit);
  }

  /** The stopped sessions of these stations started since `since`. */
  stoppedOfStations(tenantId: TenantId, stationIds: readonly string[], since: Date): Promise<Transaction[]> {
    return this.transactions.findStoppedOfStations(tenantId, stationIds, since);
  }

  async activeOfStations(tenantId: TenantId, stationIds: readonly string[]): Promise<Transaction[]> {
    const perStation = await Promise.all(
      stationIds.map((stationId) => this.transactions.findActiveOfStation(tenantId, stationId)),
    );
    return perStation.flat();
  }

  // ---- TransactionInbound ---------------------------------------------------------------------

  /** `withPrerequisites: false`: the badge alone (a StopTransaction's badge needs no way to pay). */
  async authorize(
    tenantId: TenantId,
    stationId: string,
    idTag: string,
    options: { withTariff?: boolean; withPrerequisites?: boolean } = {},
  ): Promise<IdTagInfo> {
    const tag = await this.tags.findByTagId(tenantId, idTag);
    const external = tag
      ? null
      : await this.authorizeExternally(tenantId, { stationId, idTag, purpose: 'authorize' });
    if (!tag && !external) this.reportUnknownTag(tenantId, stationId, idTag);
    const ofTag = external ?? authorizationOfTag(tag, new Date());
    // Roaming drivers pay through their provider: billing's prerequisites are for our own badges.
    const info =
      options.withPrerequisites === false || external
        ? ofTag
        : await this.checkPrerequisites(tenantId, ofTag, {
            stationId,
            tagId: idTag,
            userId: tag?.userId,
            purpose: 'authorize',
          });
    if (!options.withTariff || info.status !== 'Accepted') return info;
    const frozen = await this.pricing.freezeAtStart(tenantId, {
      chargingStationId: stationId,
      tagId: idTag,
      userId: tag?.userId,
      at: new Date(),
    });
    if (!frozen) return info;
    const locale = await this.users.localeOf(tenantId, tag?.userId);
    return { ...info, personalMessage: personalMessageOf(frozen.tariff, locale) };
  }

  runningCost(tenantId: TenantId, stationId: string, ocppTransactionId: string): SessionCost | undefined {
    return costOf(this.active.get(tenantId, stationId, ocppTransactionId)?.transaction);
  }

  withinChargingLimit(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    schedule: ProposedSchedule,
  ): boolean {
    const limits = this.active
      .ofStation(tenantId, stationId)
      .filter((session) => session.transaction.connectorId === connectorId)
      .flatMap((session) => (session.limitWatts === undefined ? [] : [session.limitWatts]));
    if (!limits.length) return true;
    const limit = Math.min(...limits);
    return schedule.periods.every((period) => periodWatts(schedule.rateUnit, period) <= limit);
  }

  async start(
    tenantId: TenantId,
    stationId: string,
    request: StartTransactionRequest,
  ): Promise<StartTransactionResult> {
    const [tag, repeated, open] = await Promise.all([
      this.tags.findByTagId(tenantId, request.idTag),
      this.transactions.findRepeatedStart(tenantId, {
        chargingStationId: stationId,
        connectorId: request.connectorId,
        tagId: request.idTag,
        startedAt: request.timestamp,
      }),
      this.transactions.findActiveOnConnector(tenantId, stationId, request.connectorId),
    ]);
    const external =
      tag || repeated
        ? null
        : await this.authorizeExternally(tenantId, {
            stationId,
            idTag: request.idTag,
            connectorId: request.connectorId,
            purpose: 'start',
          });
    if (repeated) {
      return {
        ocppTransactionId: repeated.ocppTransactionId,
        idTagInfo: authorizationOfTag(tag, new Date()),
      };
    }
    if (!tag && !external) this.reportUnknownTag(tenantId, stationId, request.idTag);
    const idTagInfo: IdTagInfo =
      external ??
      (await this.checkPrerequisites(tenantId, authorizationOfTag(tag, new Date()), {
        stationId,
        tagId: request.idTag,
        userId: tag?.userId,
        purpose: 'start',
      }));

    const [frozen, locale] = await Promise.all([
      this.pricing.freezeAtStart(tenantId, {
        chargingStationId: stationId,
        connectorId: request.connectorId,
        tagId: request.idTag,
        userId: tag?.userId,
        at: request.timestamp,
      }),
      // What the station shows the driver (the tariff), in their language: read beside the tariff.
      this.users.localeOf(tenantId, tag?.userId),
      this.closeStaleSessions(tenantId, open, request),
    ]);
    const pricer = frozen && this.pricing.pricerOf({ ...frozen, startedAt: request.timestamp });
    const transaction = await this.createWithFreshId(tenantId, request.stationTransactionId, {
      chargingStationId: stationId,
      connectorId: request.connectorId,
      tagId: request.idTag,
      parentTagId: idTagInfo.parentIdTag,
      authorizationStatus: idTagInfo.status,
      userId: tag?.userId,
      active: true,
      startedAt: request.timestamp,
      meterStartWh: request.meterStartWh,
      energyWh: 0,
      reservationId: request.reservationId,
      ...frozen,
      ...(pricer ? { price: toSessionPrice(pricer.quote()) } : {}),
    });
    this.active.set(tenantId, { transaction, pricer });
    await this.events.publish(domainEvent(TRANSACTION_STARTED, tenantId, transaction));
    return {
      ocppTransactionId: transaction.ocppTransactionId,
      idTagInfo:
        frozen && idTagInfo.status === 'Accepted'
          ? { ...idTagInfo, personalMessage: personalMessageOf(frozen.tariff, locale) }
          : idTagInfo,
    };
  }

  /**
   * Inserts with the station's own id (2.0.1) or the tenant's next integer (1.x). Should the
   * integer already be taken (several instances on a database without atomic findAndModify), the
   * next one is drawn.
   */
  private async createWithFreshId(
    tenantId: TenantId,
    stationTransactionId: string | undefined,
    fields: Omit<NewTransaction, 'ocppTransactionId'>,
  ): Promise<Transaction> {
    for (let attempt = 1; ; attempt += 1) {
      const ocppTransactionId = stationTransactionId ?? String(await this.counters.next(tenantId));
      try {
        return await this.transactions.create(tenantId, { ...fields, ocppTransactionId });
      } catch (error) {
        const duplicate = isDuplicateKeyError(error);
        if (!duplicate || stationTransactionId || attempt >= 5) throw error;
      }
    }
  }

  async meterValues(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    ocppTransactionId: string | undefined,
    values: MeterValue[],
  ): Promise<void> {
    // The open session is in memory nearly always: looked up here without a promise (per MeterValues).
    const session = ocppTransactionId
      ? (this.active.get(tenantId, stationId, ocppTransactionId) ??
        (await this.session(tenantId, stationId, ocppTransactionId)))
      : undefined;
    if (!session) {
      await this.consumptions.insertStationValues(
        tenantId,
        values.map((value) => ({
          chargingStationId: stationId,
          connectorId,
          ocppTransactionId,
          timestamp: value.timestamp,
          sampledValues: value.sampledValues,
        })),
      );
      return;
    }
    const points = await this.record(tenantId, session, values);
    await this.publishProgress(tenantId, session, points);
  }

  async stop(
    tenantId: TenantId,
    stationId: string,
    request: StopTransactionRequest,
  ): Promise<{ idTagInfo?: IdTagInfo; cost?: SessionCost }> {
    const idTagInfo = request.idTag
      ? await this.authorize(tenantId, stationId, request.idTag, { withPrerequisites: false })
      : undefined;
    const session = await this.session(tenantId, stationId, request.ocppTransactionId, {
      includeStopped: true,
    });
    if (!session) {
      this.logger.warn(
        { tenantId, chargingStationId: stationId, ocppTransactionId: request.ocppTransactionId },
        'StopTransaction for an unknown transaction: accepted and ignored',
      );
      return idTagInfo ? { idTagInfo } : {};
    }
    const { transaction } = session;
    if (isRepeatedStop(transaction, request)) {
      // A station repeating a stop whose answer it never got (the server was killed, the link
      // dropped): the same answer, and nothing written or published again.
      const cost = costOf(transaction);
      return { ...(idTagInfo ? { idTagInfo } : {}), ...(cost ? { cost } : {}) };
    }
    const points = await this.record(tenantId, session, request.transactionData ?? []);
    const energyWh = Math.max(0, request.meterStopWh - transaction.meterStartWh);
    const finalPoints = await this.record(tenantId, session, [], {
      timestamp: request.timestamp,
      cumulatedWh: energyWh,
    });
    const stopped = await this.progress.finish(tenantId, transaction.id, () =>
      this.transactions.update(tenantId, transaction.id, {
        active: false,
        stoppedAt: request.timestamp,
        meterStopWh: request.meterStopWh,
        energyWh,
        stopReason: request.reason ?? 'Local',
        stopTagId: request.idTag,
        transactionData: request.transactionData,
        lastMeterValueAt: session.last?.timestamp,
        ...(transaction.price ? { price: transaction.price } : {}),
      }),
    );
    this.active.evict(tenantId, stationId, request.ocppTransactionId);
    if (stopped) {
      this.publishConsumptions(tenantId, stopped, [...points, ...finalPoints]);
      await this.events.publish(domainEvent(TRANSACTION_STOPPED, tenantId, stopped));
    }
    const cost = costOf(stopped ?? transaction);
    return { ...(idTagInfo ? { idTagInfo } : {}), ...(cost ? { cost } : {}) };
  }

  async assignConnector(
    tenantId: TenantId,
    stationId: string,
    ocppTransactionId: string,
    connectorId: number,
  ): Promise<void> {
    const session = await this.session(tenantId, stationId, ocppTransactionId);
    if (!session || session.transaction.connectorId === connectorId) return;
    session.transaction.connectorId = connectorId;
    const updated = await this.transactions.update(tenantId, session.transaction.id, { connectorId });
    if (updated)
      await this.events.publish(domainEvent(TRANSACTION_UPDATED, tenantId, { ...session.transaction }));
  }

  /** Called by the version adapter after a boot that means a restart (1.x); idempotent. */
  closeOpenTransactions(tenantId: TenantId, stationId: string, reason: string): Promise<void> {
    // One at a time per station, so a second call reads what the first one closed.
    const key = `${tenantId}\u0000${stationId}`;
    const run = (this.stationCloses.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const open = await this.transactions.findActiveOfStation(tenantId, stationId);
        await Promise.all(open.map((transaction) => this.close(tenantId, transaction, reason)));
      });
    this.stationCloses.set(key, run);
    void run
      .finally(() => {
        if (this.stationCloses.get(key) === run) this.stationCloses.delete(key);
      })
      .catch(() => undefined);
    return run;
  }

  /**
   * Housekeeping: closes up to `limit` open sessions with no news since `quietSince` (started before
   * it, no meter value after it), with the usual TransactionStopped. Returns how many it found.
   */
  async closeStale(tenantId: TenantId, quietSince: Date, limit: number): Promise<number> {
    const stale = await this.transactions.findStale(tenantId, quietSince, limit);
    for (const transaction of stale) await this.close(tenantId, transaction, STALE_SESSION_REASON);
    return stale.length;
  }

  // ---- internals ------------------------------------------------------------------------------

  /**
   * A badge the tenant knows and accepts must also meet what other modules require (billing: a way
   * to pay); a refusal is NoCredit with its reason. Should the check itself fail, the badge's own
   * answer stands: a billing outage never stops charging.
   */
  private async checkPrerequisites(
    tenantId: TenantId,
    info: IdTagInfo,
    query: { stationId: string; tagId: string; userId?: string; purpose: 'authorize' | 'start' },
  ): Promise<IdTagInfo> {
    if (!this.prerequisites || info.status !== 'Accepted') return info;
    try {
      const reason = await this.prerequisites.refusal(tenantId, query);
      return reason ? { ...info, status: 'NoCredit', reason } : info;
    } catch (error) {
      this.logger.error(
        { err: error, tenantId, tagId: query.tagId },
        'Could not check the session prerequisites',
      );
      return info;
    }
  }

  /** A badge the tenant does not know, asked of the external authorizer (roaming) when there is one. */
  private async authorizeExternally(
    tenantId: TenantId,
    request: Parameters<ExternalTagAuthorizer['authorize']>[1],
  ): Promise<IdTagInfo | null> {
    if (!this.external) return null;
    try {
      return await this.external.authorize(tenantId, request);
    } catch (error) {
      this.logger.error({ err: error, tenantId, idTag: request.idTag }, 'External authorization failed');
      return null;
    }
  }

  /** Published in the background: the station's answer never waits for listeners. */
  private reportUnknownTag(tenantId: TenantId, stationId: string, tagId: string): void {
    const event: UnknownTagPresentedEvent = domainEvent(UNKNOWN_TAG_PRESENTED, tenantId, {
      chargingStationId: stationId,
      tagId,
      presentedAt: new Date(),
    });
    this.events
      .publish(event)
      .catch((error: unknown) => this.logger.error({ err: error }, 'Could not publish UnknownTagPresented'));
  }

  /** Ends a session the station will not stop itself; its energy is what the last meter value said. */
  private async close(tenantId: TenantId, transaction: Transaction, reason: string): Promise<void> {
    // The conditional update below is atomic on MongoDB, not on FerretDB: one close per session here.
    const key = `${tenantId}\u0000${transaction.id}`;
    if (this.closing.has(key)) return;
    this.closing.add(key);
    try {
      await this.closeOnce(tenantId, transaction, reason);
    } finally {
      this.closing.delete(key);
    }
  }

  private async closeOnce(tenantId: TenantId, transaction: Transaction, reason: string): Promise<void> {
    const session = this.active.get(tenantId, transaction.chargingStationId, transaction.ocppTransactionId);
    const last = session?.last ?? (await this.consumptions.lastOf(tenantId, transaction.id)) ?? undefined;
    const price = session?.transaction.price ?? (await this.pricing.recompute(tenantId, transaction));
    // Only while still open: a concurrent stop or close has already said the last word.
    const stopped = await this.progress.finish(tenantId, transaction.id, () =>
      this.transactions.updateIfActive(tenantId, transaction.id, {
        active: false,
        stoppedAt: last?.timestamp ?? transaction.lastMeterValueAt ?? transaction.startedAt,
        energyWh: last?.cumulatedWh ?? transaction.energyWh,
        stopReason: reason,
        ...(price ? { price } : {}),
      }),
    );
    this.active.evict(tenantId, transaction.chargingStationId, transaction.ocppTransactionId);
    if (stopped) await this.events.publish(domainEvent(TRANSACTION_STOPPED, tenantId, stopped));
  }

  /**
   * A new start on a connector whose session never stopped: the old one is stale. Offline replays
   * of older sessions (started before the open one) leave the newer session alone.
   */
  private async closeStaleSessions(
    tenantId: TenantId,
    open: Transaction[],
    request: StartTransactionRequest,
  ): Promise<void> {
    const stale = open.filter(
      (transaction) => transaction.startedAt.getTime() <= request.timestamp.getTime(),
    );
    await Promise.all(stale.map((transaction) => this.close(tenantId, transaction, SUPERSEDED_REASON)));
  }

  /** The open session from memory, else from the database (after a restart), then kept in memory. */
  private async session(
    tenantId: TenantId,
    stationId: string,
    ocppTransactionId: string,
    options: { includeStopped?: boolean } = {},
  ): Promise<ActiveSession | undefined> {
    const cached = this.active.get(tenantId, stationId, ocppTransactionId);
    if (cached) return cached;
    const transaction = await this.transactions.findByOcppId(tenantId, stationId, ocppTransactionId);
    if (!transaction || (!transaction.active && !options.includeStopped)) return undefined;
    const last = (await this.consumptions.lastOf(tenantId, transaction.id)) ?? undefined;
    if (last) {
      transaction.energyWh = last.cumulatedWh;
      transaction.lastMeterValueAt = last.timestamp;
    }
    const resumed = await this.pricing.resume(tenantId, transaction);
    const session: ActiveSession = { transaction, last, ...resumed };
    return transaction.active ? this.active.set(tenantId, session) : session;
  }

  /**
   * Computes the curve points of `values` (older than the last point: skipped, they are already
   * there) and writes them through the group-commit writer; resolves once they are stored.
   */
  private async record(
    tenantId: TenantId,
    session: ActiveSession,
    values: MeterValue[],
    finalPoint?: { timestamp: Date; cumulatedWh: number },
  ): Promise<ConsumptionPoint[]> {
    const { transaction } = session;
    const previous = session.last;
    const points: ConsumptionPoint[] = [];
    const records: ConsumptionRecord[] = [];
    // A MeterValues carries one value nearly always: no copy to sort then.
    const ordered =
      values.length > 1 ? [...values].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()) : values;
    for (const value of ordered) {
      if (session.last && value.timestamp.getTime() <= session.last.timestamp.getTime()) continue;
      const point = toConsumption(value.timestamp, value.sampledValues, {
        meterStartWh: transaction.meterStartWh,
        previous: session.last,
        limitWatts: session.limitWatts,
      });
      this.priceNewPoint(session, point);
      points.push(point);
      records.push(this.recordOf(tenantId, transaction, point, value));
      session.last = { timestamp: point.timestamp, cumulatedWh: point.cumulatedWh };
    }
    if (finalPoint && (!session.last || finalPoint.timestamp.getTime() > session.last.timestamp.getTime())) {
      const latest = session.last;
      const hours = latest ? (finalPoint.timestamp.getTime() - latest.timestamp.getTime()) / 3_600_000 : 0;
      const point: ConsumptionPoint = {
        timestamp: finalPoint.timestamp,
        cumulatedWh: finalPoint.cumulatedWh,
        ...(latest && hours > 0
          ? {
              instantWatts: Math.max(
                0,
                Math.round(((finalPoint.cumulatedWh - latest.cumulatedWh) / hours) * 1000) / 1000,
              ),
            }
          : {}),
      };
      this.priceNewPoint(session, point);
      points.push(point);
      records.push(
        this.recordOf(tenantId, transaction, point, { timestamp: point.timestamp, sampledValues: [] }),
      );
      session.last = { timestamp: point.timestamp, cumulatedWh: point.cumulatedWh };
    }
    if (!records.length) return points;
    const before = { energyWh: transaction.energyWh, lastMeterValueAt: transaction.lastMeterValueAt };
    const reached = session.last;
    transaction.energyWh = session.last?.cumulatedWh ?? transaction.energyWh;
    transaction.lastMeterValueAt = session.last?.timestamp;
    try {
      await this.writer.write(records);
    } catch (error) {
      // Not stored, so not acknowledged: the station sends these values again, and they must not be
      // skipped then as points the curve already has.
      if (session.last === reached) {
        session.last = previous;
        Object.assign(transaction, before);
      }
      throw error;
    }
    if (transaction.active) {
      this.progress.mark(tenantId, {
        id: transaction.id,
        energyWh: transaction.energyWh,
        lastMeterValueAt: transaction.lastMeterValueAt!,
        price: transaction.price,
      });
    }
    return points;
  }

  /**
   * Hot path: a priced session's new point gets the price so far (pure arithmetic on the frozen
   * tariff, no I/O) and what its own interval added; the session's live price follows.
   */
  private priceNewPoint(session: ActiveSession, point: ConsumptionPoint): void {
    if (!session.pricer) return;
    session.pricer.add({
      timestamp: point.timestamp,
      cumulatedWh: point.cumulatedWh,
      ...(point.instantAmps === undefined ? {} : { currentA: point.instantAmps }),
    });
    const price = toSessionPrice(session.pricer.quote());
    point.cumulatedAmount = price.inclVat;
    point.amount = Rational.fromNumber(price.inclVat)
      .subtract(Rational.fromNumber(session.lastAmount ?? 0))
      .toNumber();
    session.lastAmount = price.inclVat;
    session.transaction.price = price;
  }

  private recordOf(
    tenantId: TenantId,
    transaction: Transaction,
    point: ConsumptionPoint,
    value: MeterValue,
  ): ConsumptionRecord {
    return {
      tenantId,
      transactionId: transaction.id,
      chargingStationId: transaction.chargingStationId,
      connectorId: transaction.connectorId,
      point,
      sampledValues: value.sampledValues,
    };
  }

  private async publishProgress(
    tenantId: TenantId,
    session: ActiveSession,
    points: ConsumptionPoint[],
  ): Promise<void> {
    if (!points.length) return;
    this.publishConsumptions(tenantId, session.transaction, points);
    // The frozen tariff stays out of the many progress events (the session's own query has it). A
    // copy with it blanked, not an object rest (it copies field by field), nor a spread that defines
    // it (V8 takes a slow path to define a property after a spread whose source shapes vary).
    const progress = { ...session.transaction };
    progress.tariff = undefined;
    await this.events.publish(domainEvent(TRANSACTION_UPDATED, tenantId, progress));
  }

  private publishConsumptions(
    tenantId: TenantId,
    transaction: Transaction,
    points: ConsumptionPoint[],
  ): void {
    for (const point of points) {
      // Not awaited, and publish never rejects: nothing to catch per point.
      void this.events.publish(
        domainEvent(CONSUMPTION_ADDED, tenantId, {
          transactionId: transaction.id,
          chargingStationId: transaction.chargingStationId,
          connectorId: transaction.connectorId,
          userId: transaction.userId,
          consumption: toGraphQLConsumption(point),
        }),
      );
    }
  }
}
