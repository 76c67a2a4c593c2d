import { TariffDimensionType } from '../model/tariff';
import { Rational } from '../money/rational';
import { PricedSession } from '../engine/price-session';
import { PricedPeriod } from '../engine/session-pricer';
import { ExactPrice } from '../engine/session-quote';
import { ocpiDateTime } from './ocpi-tariff.mapper';

/** OCPI 2.2.1 CDR pieces a priced session gives (mod_cdrs: ChargingPeriod, CdrDimension, totals). */
export interface OcpiCdrDimension {
  type: 'ENERGY' | 'TIME' | 'PARKING_TIME' | 'MIN_POWER' | 'MAX_POWER' | 'MIN_CURRENT' | 'MAX_CURRENT';
  volume: number;
}

export interface OcpiChargingPeriod {
  start_date_time: string;
  dimensions: OcpiCdrDimension[];
  tariff_id?: string;
}

export interface OcpiCdrPrice {
  excl_vat: number;
  incl_vat: number;
}

/** The priced part of an OCPI CDR, ready to be merged into one with its location, token and ids. */
export interface OcpiCdrPricing {
  start_date_time: string;
  end_date_time: string;
  currency: string;
  charging_periods: OcpiChargingPeriod[];
  total_cost: OcpiCdrPrice;
  total_fixed_cost?: OcpiCdrPrice;
  total_energy: number;
  total_energy_cost?: OcpiCdrPrice;
  total_time: number;
  total_time_cost?: OcpiCdrPrice;
  total_parking_time?: number;
  total_parking_cost?: OcpiCdrPrice;
}

const MS_PER_HOUR = 3_600_000;

function period(source: PricedPeriod, tariffId?: string): OcpiChargingPeriod {
  const hours = source.durationMs / MS_PER_HOUR;
  const kw = source.durationMs > 0 ? (source.energyMwh * 3.6) / source.durationMs : 0;
  const dimensions: OcpiCdrDimension[] = [];
  if (source.energyMwh > 0) dimensions.push({ type: 'ENERGY', volume: source.energyMwh / 1_000_000 });
  dimensions.push({ type: source.kind === 'CHARGING' ? 'TIME' : 'PARKING_TIME', volume: hours });
  dimensions.push({ type: 'MIN_POWER', volume: kw }, { type: 'MAX_POWER', volume: kw });
  if (source.currentA !== undefined) {
    dimensions.push(
      { type: 'MIN_CURRENT', volume: source.currentA },
      { type: 'MAX_CURRENT', volume: source.currentA },
    );
  }
  return {
    start_date_time: ocpiDateTime(source.start),
    dimensions,
    ...(tariffId ? { tariff_id: tariffId } : {}),
  };
}

function money(price: ExactPrice, decimals: number): OcpiCdrPrice {
  return {
    excl_vat: price.exclVat.round(decimals).toNumber(),
    incl_vat: price.inclVat.round(decimals).toNumber(),
  };
}

/**
 * The charging periods and totals of a CDR for a session priced by `priceSession` (times in whole
 * seconds as OCPI DateTimes; the periods keep their ms in their TIME volumes). `decimals` defaults
 * to the 4 places OCPI numbers carry; the total is the session's price, min/max applied.
 */
export function toOcpiCdrPricing(
  session: PricedSession,
  options: { tariffId?: string; decimals?: number } = {},
): OcpiCdrPricing {
  const decimals = options.decimals ?? 4;
  const { quote, periods } = session;
  const byType = new Map(quote.dimensions.map((dimension) => [dimension.type, dimension]));
  const costOf = (type: TariffDimensionType): OcpiCdrPrice | undefined => {
    const dimension = byType.get(type);
    return dimension && money(dimension.price, decimals);
  };
  const sum = (kind: PricedPeriod['kind'] | 'ALL', pick: (p: PricedPeriod) => number): number =>
    periods.filter((p) => kind === 'ALL' || p.kind === kind).reduce((total, p) => total + pick(p), 0);
  const parkingMs = sum('PARKING', (p) => p.durationMs);
  const first = periods[0];
  const last = periods[periods.length - 1];
  return {
    start_date_time: first ? ocpiDateTime(first.start) : '',
    end_date_time: last ? ocpiDateTime(last.end) : '',
    currency: quote.currency,
    charging_periods: periods.map((p) => period(p, options.tariffId)),
    total_cost: money(quote.exact, decimals),
    total_fixed_cost: costOf(TariffDimensionType.FLAT),
    total_energy: Rational.of(BigInt(sum('ALL', (p) => p.energyMwh)), 1_000_000n).toNumber(),
    total_energy_cost: costOf(TariffDimensionType.ENERGY),
    total_time: sum('ALL', (p) => p.durationMs) / MS_PER_HOUR,
    total_time_cost: costOf(TariffDimensionType.TIME),
    ...(parkingMs > 0 ? { total_parking_time: parkingMs / MS_PER_HOUR } : {}),
    total_parking_cost: costOf(TariffDimensionType.PARKING_TIME),
  };
}
