import { z } from 'zod';
import { DayOfWeek, ReservationRestrictionType, TariffDimensionType, TariffType } from '../model/tariff';

/** OCPI 2.2.1 Tariff module JSON (mod_tariffs): the wire shape, snake_case, as the spec defines it. */

const price = z.object({ excl_vat: z.number(), incl_vat: z.number().optional() }).strict();

const priceComponent = z
  .object({
    type: z.nativeEnum(TariffDimensionType),
    price: z.number(),
    vat: z.number().optional(),
    step_size: z.number().int(),
  })
  .strict();

const restrictions = z
  .object({
    start_time: z.string().optional(),
    end_time: z.string().optional(),
    start_date: z.string().optional(),
    end_date: z.string().optional(),
    min_kwh: z.number().optional(),
    max_kwh: z.number().optional(),
    min_current: z.number().optional(),
    max_current: z.number().optional(),
    min_power: z.number().optional(),
    max_power: z.number().optional(),
    min_duration: z.number().int().optional(),
    max_duration: z.number().int().optional(),
    day_of_week: z.array(z.nativeEnum(DayOfWeek)).optional(),
    reservation: z.nativeEnum(ReservationRestrictionType).optional(),
  })
  .strict();

const displayText = z.object({ language: z.string().min(2).max(2), text: z.string().max(512) }).strict();

/** A DateTime as OCPI writes it: RFC 3339, UTC. */
const dateTime = z.string().datetime({ offset: true });

export const ocpiTariffSchema = z
  .object({
    country_code: z.string().length(2),
    party_id: z.string().length(3),
    id: z.string().min(1).max(36),
    currency: z.string().length(3),
    type: z.nativeEnum(TariffType).optional(),
    tariff_alt_text: z.array(displayText).optional(),
    tariff_alt_url: z.string().url().optional(),
    min_price: price.optional(),
    max_price: price.optional(),
    elements: z
      .array(
        z
          .object({ price_components: z.array(priceComponent).min(1), restrictions: restrictions.optional() })
          .strict(),
      )
      .min(1),
    start_date_time: dateTime.optional(),
    end_date_time: dateTime.optional(),
    energy_mix: z.unknown().optional(),
    last_updated: dateTime,
  })
  .strict();

export type OcpiTariff = z.infer<typeof ocpiTariffSchema>;
export type OcpiPrice = z.infer<typeof price>;
export type OcpiPriceComponent = z.infer<typeof priceComponent>;
export type OcpiTariffRestrictions = z.infer<typeof restrictions>;

/** The CPO a tariff belongs to in OCPI (Tariff.country_code and party_id). */
export interface OcpiParty {
  countryCode: string;
  partyId: string;
}
