import { TariffPricing } from '../model/tariff';
import { MeterPoint, PricedPeriod, PricingContext, SessionPricer } from './session-pricer';
import { SessionQuote } from './session-quote';

/** A session's meter data: where and when it started, and its readings in time order. */
export interface SessionMeterData extends PricingContext {
  /** Energy since the start at each reading; the last one is where the session ends (or is now). */
  points: MeterPoint[];
}

export interface PricedSession {
  quote: SessionQuote;
  /** The charging periods the session was cut into: what a CDR lists. */
  periods: PricedPeriod[];
}

/**
 * The price of a session from its tariff and meter data alone: the same accumulator the live path
 * feeds point by point, so a recomputation agrees with the live figure to the last minor unit.
 */
export function priceSession(tariff: TariffPricing, session: SessionMeterData): PricedSession {
  const pricer = new SessionPricer(tariff, session, { keepPeriods: true });
  for (const point of session.points) pricer.add(point);
  return { quote: pricer.quote(), periods: pricer.periods };
}
