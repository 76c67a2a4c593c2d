import { OcpiTariff, OcpiTariffRestrictions, Tariff, toOcpiTariff } from '@csms/pricing';
import { OcpiIdentity } from '../../../identity/models/roaming-identity.model';
import { OcpiVersion, isOcpi22 } from '../../protocol/ocpi-version';

type Json = Record<string, unknown>;

/** 2.1.1 restrictions know neither currents nor reservations. */
function restrictions211(restrictions: OcpiTariffRestrictions): Json {
  const { min_current: _min, max_current: _max, reservation: _reservation, ...kept } = restrictions;
  return kept;
}

/**
 * Our tariff as an OCPI Tariff of `version`, owned by the tenant's party. 2.2.1 is our model as it is;
 * 2.1.1 has no party, type, min/max price, validity or VAT (its prices exclude VAT, as ours do), and
 * no reservation elements (they never price a charging session).
 */
export function ocpiTariff(tariff: Tariff, identity: OcpiIdentity, version: OcpiVersion): Json {
  const json: OcpiTariff = toOcpiTariff(tariff, identity);
  if (isOcpi22(version)) return json;
  const {
    country_code: _country,
    party_id: _party,
    type: _type,
    min_price: _min,
    max_price: _max,
    start_date_time: _start,
    end_date_time: _end,
    elements,
    ...common
  } = json;
  return {
    ...common,
    elements: elements
      .filter((element) => !element.restrictions?.reservation)
      .map((element) => ({
        price_components: element.price_components.map(({ vat: _vat, ...component }) => component),
        ...(element.restrictions ? { restrictions: restrictions211(element.restrictions) } : {}),
      })),
  };
}
