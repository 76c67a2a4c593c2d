import { PriceAmount, PriceComponent, Tariff, TariffElement, TariffRestrictions } from '../model/tariff';
import {
  OcpiParty,
  OcpiPrice,
  OcpiPriceComponent,
  OcpiTariff,
  OcpiTariffRestrictions,
  ocpiTariffSchema,
} from './ocpi-tariff';

/**
 * The documented mapping between our Tariff and OCPI 2.2.1 JSON: the same fields, camelCase here and
 * snake_case there (see docs/pricing.md). Nothing is lost either way except what OCPI has no field
 * for (our name), and OCPI's energy_mix, which we do not keep.
 */

const RESTRICTION_FIELDS = [
  ['startTime', 'start_time'],
  ['endTime', 'end_time'],
  ['startDate', 'start_date'],
  ['endDate', 'end_date'],
  ['minKwh', 'min_kwh'],
  ['maxKwh', 'max_kwh'],
  ['minCurrent', 'min_current'],
  ['maxCurrent', 'max_current'],
  ['minPower', 'min_power'],
  ['maxPower', 'max_power'],
  ['minDuration', 'min_duration'],
  ['maxDuration', 'max_duration'],
  ['dayOfWeek', 'day_of_week'],
  ['reservation', 'reservation'],
] as const satisfies readonly (readonly [keyof TariffRestrictions, keyof OcpiTariffRestrictions])[];

/** OCPI DateTime: RFC 3339 in UTC, to the second. */
export function ocpiDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function toOcpiPrice(price: PriceAmount | undefined): OcpiPrice | undefined {
  return price && defined({ excl_vat: price.exclVat, incl_vat: price.inclVat });
}

function fromOcpiPrice(price: OcpiPrice | undefined): PriceAmount | undefined {
  return price && defined({ exclVat: price.excl_vat, inclVat: price.incl_vat });
}

function toOcpiComponent(component: PriceComponent): OcpiPriceComponent {
  return defined({
    type: component.type,
    price: component.price,
    vat: component.vat,
    step_size: component.stepSize,
  });
}

function toOcpiRestrictions(restrictions: TariffRestrictions): OcpiTariffRestrictions {
  const ocpi: Record<string, unknown> = {};
  for (const [ours, theirs] of RESTRICTION_FIELDS) {
    if (restrictions[ours] !== undefined) ocpi[theirs] = restrictions[ours];
  }
  return ocpi;
}

function fromOcpiRestrictions(restrictions: OcpiTariffRestrictions): TariffRestrictions {
  const ours: Record<string, unknown> = {};
  for (const [mine, theirs] of RESTRICTION_FIELDS) {
    if (restrictions[theirs] !== undefined) ours[mine] = restrictions[theirs];
  }
  return ours;
}

function toOcpiElement(element: TariffElement): OcpiTariff['elements'][number] {
  return defined({
    price_components: element.priceComponents.map(toOcpiComponent),
    restrictions: element.restrictions && toOcpiRestrictions(element.restrictions),
  });
}

/** Our tariff as the OCPI 2.2.1 Tariff object a roaming partner receives. */
export function toOcpiTariff(tariff: Tariff, party: OcpiParty): OcpiTariff {
  return defined({
    country_code: party.countryCode,
    party_id: party.partyId,
    id: tariff.id,
    currency: tariff.currency,
    type: tariff.type,
    tariff_alt_text: tariff.tariffAltText.length ? tariff.tariffAltText : undefined,
    tariff_alt_url: tariff.tariffAltUrl,
    min_price: toOcpiPrice(tariff.minPrice),
    max_price: toOcpiPrice(tariff.maxPrice),
    elements: tariff.elements.map(toOcpiElement),
    start_date_time: tariff.startDateTime && ocpiDateTime(tariff.startDateTime),
    end_date_time: tariff.endDateTime && ocpiDateTime(tariff.endDateTime),
    last_updated: ocpiDateTime(tariff.updatedAt),
  });
}

/** The fields of a Tariff an OCPI object gives (id, tenant, name and timestamps are the caller's). */
export type ImportedTariff = Omit<Tariff, 'id' | 'tenantId' | 'name' | 'updatedAt' | 'createdAt'> & {
  ocpiId: string;
  party: OcpiParty;
};

export class OcpiTariffFormatError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(
      `Not an OCPI 2.2.1 Tariff: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
  }
}

/** Parses OCPI 2.2.1 Tariff JSON (an object or its text); throws OcpiTariffFormatError on bad input. */
export function fromOcpiTariff(json: unknown): ImportedTariff {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new OcpiTariffFormatError([{ path: '', message: `not JSON (${(error as Error).message})` }]);
    }
  }
  const parsed = ocpiTariffSchema.safeParse(value);
  if (!parsed.success) {
    throw new OcpiTariffFormatError(
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const ocpi = parsed.data;
  return defined({
    ocpiId: ocpi.id,
    party: { countryCode: ocpi.country_code, partyId: ocpi.party_id },
    currency: ocpi.currency,
    type: ocpi.type,
    tariffAltText: ocpi.tariff_alt_text ?? [],
    tariffAltUrl: ocpi.tariff_alt_url,
    minPrice: fromOcpiPrice(ocpi.min_price),
    maxPrice: fromOcpiPrice(ocpi.max_price),
    elements: ocpi.elements.map((element) =>
      defined({
        priceComponents: element.price_components.map((component) =>
          defined({
            type: component.type,
            price: component.price,
            vat: component.vat,
            stepSize: component.step_size,
          }),
        ),
        restrictions: element.restrictions && fromOcpiRestrictions(element.restrictions),
      }),
    ),
    startDateTime: ocpi.start_date_time ? new Date(ocpi.start_date_time) : undefined,
    endDateTime: ocpi.end_date_time ? new Date(ocpi.end_date_time) : undefined,
  });
}
