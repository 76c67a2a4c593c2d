import { APP_CONFIG, AppConfig, TenantId, deleteInner, innerCount, innerMap } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { ChargingStationService } from '@csms/stations';
import {
  TRANSACTION_STARTED,
  TRANSACTION_STOPPED,
  TRANSACTION_UPDATED,
  Transaction,
  TransactionEvent,
} from '@csms/transactions';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CdrIssuer } from '../cdrs/cdr-issuer';
import { RoamingAuthorizationRepository } from '../authorizations/roaming-authorization.repository';
import { evseUid } from '../locations/evse-ids';
import { RoamingLocationRepository } from '../locations/roaming-location.repository';
import { Outbox } from '../outbox/outbox';
import { PartnerRegistry } from '../partners/partner-registry';
import { RoamingSession } from './roaming-session';
import { RoamingSessionRepository } from './roaming-session.repository';
import { RoamingSessionCost } from './session-cost';
import { SESSION_PATCH, SESSION_PUT, SessionPatchPayload, sessionObjectKey } from './session-events';

/** What the tracker remembers of an open transaction: whether it is a roaming session, when it last reported. */
interface Tracked {
  roaming: boolean;
  lastReportAt: number;
  /** Charging periods already reported (a PATCH adds only newer ones). */
  periodsReported: number;
}

/** Transactions remembered at most (open ones; the oldest are forgotten beyond this). */
const MAX_TRACKED = 50_000;

/**
 * Reports our sessions to the eMSP whose token started them: the whole session (PUT) when it starts,
 * its energy, cost and new charging periods (PATCH) at most every OCPI_SESSION_UPDATE_SECONDS while it
 * runs, the final session (PUT) and its CDR (POST) when it ends, all through the outbox in order, all
 * priced by our engine with the tariff frozen on the session. A transaction
 * started by no roaming token costs one lookup at start and nothing after.
 */
@Injectable()
export class SessionTracker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionTracker.name);
  /** By tenant, then transaction id: a meter value's update finds its session without a key string. */
  private readonly tracked = new Map<TenantId, Map<string, Tracked>>();
  /** Each transaction's events, handled one after the other: an update never overtakes its start. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly unsubscribers: Unsubscribe[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: RoamingSessionRepository,
    private readonly authorizations: RoamingAuthorizationRepository,
    private readonly locations: RoamingLocationRepository,
    private readonly stations: ChargingStationService,
    private readonly partners: PartnerRegistry,
    private readonly cost: RoamingSessionCost,
    private readonly cdrs: CdrIssuer,
    private readonly outbox: Outbox,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribers.push(
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STARTED, (event) =>
        this.inOrder(event.tenantId, event.payload.id, () => this.started(event.tenantId, event.payload)),
      ),
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_UPDATED, (event) => {
        // A session known not to roam has nothing to report (each meter value updates it).
        if (this.tracked.get(event.tenantId)?.get(event.payload.id)?.roaming === false) return;
        return this.inOrder(event.tenantId, event.payload.id, () =>
          this.updated(event.tenantId, event.payload),
        );
      }),
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STOPPED, (event) =>
        this.inOrder(event.tenantId, event.payload.id, () => this.stopped(event.tenantId, event.payload)),
      ),
    );
  }

  /** Runs a transaction's handlers one after the other, in the order its events came. */
  private inOrder(tenantId: TenantId, transactionId: string, task: () => Promise<void>): Promise<void> {
    const key = this.key(tenantId, transactionId);
    const next = (this.chains.get(key) ?? Promise.resolve()).then(task).catch((error: unknown) => {
      this.logger.error({ err: error, tenantId, transactionId }, 'Reporting a roaming session failed');
    });
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private key(tenantId: TenantId, id: string): string {
    return `${tenantId}\u0000${id}`;
  }

  private remember(tenantId: TenantId, transactionId: string, tracked: Tracked): void {
    if (innerCount(this.tracked) >= MAX_TRACKED) {
      // The oldest of the tenant longest known: open sessions come and go in about that order.
      const [oldestTenant, ofTenant] = this.tracked.entries().next().value!;
      deleteInner(this.tracked, oldestTenant, ofTenant.keys().next().value!);
    }
    innerMap(this.tracked, tenantId).set(transactionId, tracked);
  }

  private async started(tenantId: TenantId, transaction: Transaction): Promise<void> {
    const partners = await this.partners.registeredOf(tenantId);
    const authorization =
      partners.length && transaction.tagId
        ? await this.authorizations.latest(
            tenantId,
            transaction.chargingStationId,
            transaction.tagId,
            transaction.startedAt,
          )
        : null;
    const partner = authorization && partners.find((candidate) => candidate.id === authorization.partnerId);
    if (!authorization || !partner) {
      this.remember(tenantId, transaction.id, { roaming: false, lastReportAt: 0, periodsReported: 0 });
      return;
    }
    const [station, cost] = await Promise.all([
      this.stations.find(tenantId, transaction.chargingStationId),
      this.cost.costOf(tenantId, transaction),
    ]);
    const projected = station?.siteId ? await this.locations.find(tenantId, station.siteId) : null;
    const uid = evseUid(transaction.chargingStationId, transaction.connectorId);
    const session: RoamingSession = {
      id: transaction.id,
      partnerId: partner.id,
      token: authorization.token,
      authMethod: authorization.authMethod,
      ...(authorization.authorizationReference
        ? { authorizationReference: authorization.authorizationReference }
        : {}),
      location: projected
        ? { ...projected, evses: projected.evses.filter((evse) => evse.uid === uid) }
        : { ...emptyLocation(station?.siteId ?? '#NA'), lastUpdated: new Date() },
      evseUid: uid,
      connectorId: '1',
      stationId: transaction.chargingStationId,
      startedAt: transaction.startedAt,
      kwh: 0,
      status: 'ACTIVE',
      currency: cost.currency,
      ...(cost.totalCost ? { totalCost: cost.totalCost } : {}),
      chargingPeriods: cost.chargingPeriods,
      ...(transaction.tariff ? { tariff: transaction.tariff } : {}),
      lastUpdated: new Date(),
    };
    await this.sessions.save(tenantId, session);
    this.remember(tenantId, transaction.id, {
      roaming: true,
      lastReportAt: Date.now(),
      periodsReported: session.chargingPeriods.length,
    });
    await this.outbox.enqueue(tenantId, [partner], {
      objectKey: sessionObjectKey(session.id),
      kind: SESSION_PUT,
      payload: session,
    });
  }

  private async updated(tenantId: TenantId, transaction: Transaction): Promise<void> {
    let tracked = this.tracked.get(tenantId)?.get(transaction.id);
    if (!tracked) {
      const known = await this.sessions.findById(tenantId, transaction.id);
      tracked = {
        roaming: known !== null,
        lastReportAt: 0,
        periodsReported: known?.chargingPeriods.length ?? 0,
      };
      this.remember(tenantId, transaction.id, tracked);
    }
    if (
      !tracked.roaming ||
      Date.now() - tracked.lastReportAt < this.config.OCPI_SESSION_UPDATE_SECONDS * 1000
    )
      return;
    tracked.lastReportAt = Date.now();
    const session = await this.sessions.findById(tenantId, transaction.id);
    const partner = session && (await this.partners.get(tenantId, session.partnerId));
    if (!session || !partner || session.status !== 'ACTIVE') return;
    const cost = await this.cost.costOf(tenantId, withFrozenTariff(transaction, session));
    const updated: RoamingSession = {
      ...session,
      kwh: transaction.energyWh / 1000,
      ...(cost.totalCost ? { totalCost: cost.totalCost } : {}),
      chargingPeriods: cost.chargingPeriods,
      lastUpdated: new Date(),
    };
    await this.sessions.save(tenantId, updated);
    const payload: SessionPatchPayload = {
      id: session.id,
      kwh: updated.kwh,
      ...(updated.totalCost ? { totalCost: updated.totalCost } : {}),
      newChargingPeriods: cost.chargingPeriods.slice(tracked.periodsReported),
      lastUpdated: updated.lastUpdated,
    };
    tracked.periodsReported = cost.chargingPeriods.length;
    await this.outbox.enqueue(tenantId, [partner], {
      objectKey: sessionObjectKey(session.id),
      kind: SESSION_PATCH,
      payload,
    });
  }

  private async stopped(tenantId: TenantId, transaction: Transaction): Promise<void> {
    const tracked = this.tracked.get(tenantId)?.get(transaction.id);
    deleteInner(this.tracked, tenantId, transaction.id);
    if (tracked && !tracked.roaming) return;
    const session = await this.sessions.findById(tenantId, transaction.id);
    const partner = session && (await this.partners.get(tenantId, session.partnerId));
    if (!session || !partner) return;
    const cost = await this.cost.costOf(tenantId, withFrozenTariff(transaction, session));
    const completed: RoamingSession = {
      ...session,
      endedAt: transaction.stoppedAt ?? new Date(),
      kwh: transaction.energyWh / 1000,
      status: 'COMPLETED',
      ...(transaction.stopReason ? { stopReason: transaction.stopReason } : {}),
      currency: cost.currency,
      ...(cost.totalCost ? { totalCost: cost.totalCost } : {}),
      chargingPeriods: cost.chargingPeriods,
      lastUpdated: new Date(),
    };
    await this.sessions.save(tenantId, completed);
    await this.outbox.enqueue(tenantId, [partner], {
      objectKey: sessionObjectKey(session.id),
      kind: SESSION_PUT,
      payload: completed,
    });
    await this.cdrs.issue(tenantId, partner, completed, cost);
    this.logger.debug(
      { tenantId, sessionId: session.id, partnerId: partner.id },
      'Roaming session completed',
    );
  }
}

/** Progress events leave the frozen tariff out: the session kept it. */
function withFrozenTariff(transaction: Transaction, session: RoamingSession): Transaction {
  return transaction.tariff || !session.tariff ? transaction : { ...transaction, tariff: session.tariff };
}

function emptyLocation(id: string) {
  return {
    id,
    published: false,
    problems: [],
    name: '',
    address: '',
    city: '',
    country: '',
    latitude: 0,
    longitude: 0,
    timeZone: 'UTC',
    openingHours: { twentyfourseven: true, regularHours: [] },
    evses: [],
  };
}
