import { TenantId } from '@csms/common';
import {
  MeterPoint,
  PricedSession,
  SessionPriceAmount,
  SessionPricer,
  Tariff,
  TariffResolutionService,
  priceSession,
  toSessionPrice,
} from '@csms/pricing';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { ConsumptionRepository } from '../consumptions/consumption.repository';
import { Transaction } from '../models/transaction.model';

/** What a session freezes at start: the whole tariff and the clock it is read on. */
export interface FrozenTariff {
  tariff: Tariff;
  tariffTimeZone: string;
}

/** A stored curve point as the engine reads it. */
function meterPointOf(point: {
  timestamp: Date;
  cumulatedWh: number;
  instantAmps?: number | null;
}): MeterPoint {
  return {
    timestamp: point.timestamp,
    cumulatedWh: point.cumulatedWh,
    ...(point.instantAmps === undefined || point.instantAmps === null ? {} : { currentA: point.instantAmps }),
  };
}

/**
 * Sessions and their tariffs: the tariff is resolved and frozen once at start; from then on the
 * price is a pure function of that copy and the session's meter data (live through a SessionPricer
 * kept with the active session, or recomputed from the stored curve, with the same result).
 */
@Injectable()
export class SessionPricingService {
  private readonly logger = new Logger(SessionPricingService.name);

  constructor(
    private readonly consumptions: ConsumptionRepository,
    @Optional() private readonly resolution?: TariffResolutionService,
  ) {}

  /** The tariff a starting session gets; none when none applies or it cannot be told (never blocks a start). */
  async freezeAtStart(
    tenantId: TenantId,
    session: { chargingStationId: string; connectorId?: number; tagId?: string; userId?: string; at: Date },
  ): Promise<FrozenTariff | undefined> {
    if (!this.resolution) return undefined;
    try {
      const resolved = await this.resolution.resolve(tenantId, {
        chargingStationId: session.chargingStationId,
        connectorId: session.connectorId,
        tagId: session.tagId || undefined,
        userId: session.userId,
        at: session.at,
      });
      if (!resolved.tariff) return undefined;
      // A plain copy: later edits of the tariff never reach it (dates kept as ISO text, read back by frozenTariffOf).
      const tariff = JSON.parse(JSON.stringify(resolved.tariff)) as Tariff;
      return { tariff, tariffTimeZone: resolved.timeZone };
    } catch (error) {
      this.logger.error(
        { err: error, tenantId, chargingStationId: session.chargingStationId },
        'Could not resolve the tariff of a starting session: it is not priced',
      );
      return undefined;
    }
  }

  /** A fresh accumulator for a session that has no meter value yet. */
  pricerOf(
    transaction: Pick<Transaction, 'tariff' | 'tariffTimeZone' | 'startedAt'>,
  ): SessionPricer | undefined {
    if (!transaction.tariff) return undefined;
    return new SessionPricer(transaction.tariff, {
      timeZone: transaction.tariffTimeZone ?? 'UTC',
      startedAt: transaction.startedAt,
    });
  }

  /** The accumulator of a session resumed after a restart, fed with its stored curve (one read). */
  async resume(
    tenantId: TenantId,
    transaction: Transaction,
  ): Promise<{ pricer: SessionPricer; lastAmount?: number } | undefined> {
    const pricer = this.pricerOf(transaction);
    if (!pricer) return undefined;
    const curve = await this.consumptions.meterCurveOf(tenantId, transaction.id);
    for (const point of curve) pricer.add(meterPointOf(point));
    return { pricer, lastAmount: curve[curve.length - 1]?.cumulatedAmount ?? undefined };
  }

  /** Recomputes a session's price from its frozen tariff and stored curve alone. */
  async recompute(tenantId: TenantId, transaction: Transaction): Promise<SessionPriceAmount | undefined> {
    const priced = await this.pricedSession(tenantId, transaction);
    return priced && toSessionPrice(priced.quote);
  }

  /**
   * A session priced from its frozen tariff and stored curve, with the charging periods it was cut
   * into (what roaming reports and a CDR lists); none for a session no tariff applied to. A running
   * session is priced as the given snapshot of it knew it: up to its last meter value, not to points
   * stored since.
   */
  async pricedSession(tenantId: TenantId, transaction: Transaction): Promise<PricedSession | undefined> {
    if (!transaction.tariff) return undefined;
    const curve = await this.consumptions.meterCurveOf(tenantId, transaction.id);
    const until = transaction.active ? transaction.lastMeterValueAt?.getTime() : undefined;
    const known = until === undefined ? curve : curve.filter((point) => point.timestamp.getTime() <= until);
    return priceSession(transaction.tariff, {
      timeZone: transaction.tariffTimeZone ?? 'UTC',
      startedAt: transaction.startedAt,
      points: known.map(meterPointOf),
    });
  }
}
