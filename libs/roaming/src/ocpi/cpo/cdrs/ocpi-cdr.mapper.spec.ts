import {
  ReservationRestrictionType,
  Tariff,
  TariffDimensionType,
  priceSession,
  toOcpiCdrPricing,
} from '@csms/pricing';
import { RoamingCdr } from '../../../cdrs/roaming-cdr';
import { RoamingSession } from '../../../sessions/roaming-session';
import { ocpiTariff } from '../tariffs/ocpi-tariff-version';
import { ocpiCdr } from './ocpi-cdr.mapper';

const identity = { countryCode: 'DE', partyId: 'VGC', businessName: 'Voltgrid' };

const tariff: Tariff = {
  id: 'T1',
  name: 'Day',
  currency: 'EUR',
  tariffAltText: [],
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  minPrice: { exclVat: 1, inclVat: 1.19 },
  elements: [
    {
      priceComponents: [{ type: TariffDimensionType.FLAT, price: 2, vat: 19, stepSize: 1 }],
      restrictions: { reservation: ReservationRestrictionType.RESERVATION },
    },
    {
      priceComponents: [
        { type: TariffDimensionType.ENERGY, price: 0.4, vat: 19, stepSize: 1 },
        { type: TariffDimensionType.TIME, price: 1.2, vat: 19, stepSize: 60 },
      ],
      restrictions: { minCurrent: 6, startTime: '06:00', endTime: '22:00' },
    },
  ],
};

const startedAt = new Date('2026-03-02T10:00:00Z');
const location = {
  id: 'SITE1',
  published: true,
  problems: [],
  name: 'Market',
  address: 'Marktplatz 1',
  city: 'Berlin',
  postalCode: '10178',
  country: 'DEU',
  latitude: 52.52,
  longitude: 13.405,
  timeZone: 'Europe/Berlin',
  openingHours: { twentyfourseven: true, regularHours: [] },
  lastUpdated: startedAt,
  evses: [
    {
      uid: 'CS1*1',
      stationId: 'CS1',
      connectorId: 1,
      status: 'CHARGING' as const,
      capabilities: [],
      lastUpdated: startedAt,
      connectors: [
        {
          id: '1',
          standard: 'IEC_62196_T2',
          format: 'SOCKET' as const,
          powerType: 'AC_3_PHASE' as const,
          maxVoltage: 230,
          maxAmperage: 32,
          tariffIds: ['T1'],
          lastUpdated: startedAt,
        },
      ],
    },
  ],
};

const session: RoamingSession = {
  id: 'S1',
  partnerId: 'P1',
  token: { countryCode: 'NL', partyId: 'EXW', uid: 'TAG1', type: 'RFID', contractId: 'NL-EXW-C1' },
  authMethod: 'COMMAND',
  location,
  evseUid: 'CS1*1',
  connectorId: '1',
  stationId: 'CS1',
  startedAt,
  endedAt: new Date('2026-03-02T11:00:00Z'),
  kwh: 11,
  status: 'COMPLETED',
  currency: 'EUR',
  chargingPeriods: [],
  lastUpdated: startedAt,
};

function cdrOf(): RoamingCdr {
  const priced = priceSession(tariff, {
    timeZone: 'Europe/Berlin',
    startedAt,
    points: [
      { timestamp: new Date('2026-03-02T10:30:00Z'), cumulatedWh: 5500, currentA: 16 },
      { timestamp: new Date('2026-03-02T11:00:00Z'), cumulatedWh: 11000, currentA: 16 },
    ],
  });
  return {
    id: 'S1',
    partnerId: 'P1',
    // As the outbox carries it: JSON, dates as text.
    session: JSON.parse(JSON.stringify(session)) as RoamingSession,
    tariff: JSON.parse(JSON.stringify(tariff)) as Tariff,
    pricing: toOcpiCdrPricing(priced, { tariffId: 'T1', decimals: 2 }),
    lastUpdated: new Date('2026-03-02T11:00:05Z'),
  };
}

describe('OCPI CDR and tariff of a version', () => {
  it('renders a 2.2.1 CDR with the priced totals, the CDR location and the tariff as it is', () => {
    const cdr = ocpiCdr(cdrOf(), identity, '2.2.1');
    expect(cdr).toMatchObject({
      country_code: 'DE',
      party_id: 'VGC',
      id: 'S1',
      session_id: 'S1',
      start_date_time: '2026-03-02T10:00:00Z',
      end_date_time: '2026-03-02T11:00:00Z',
      auth_method: 'COMMAND',
      cdr_token: { uid: 'TAG1', contract_id: 'NL-EXW-C1' },
      cdr_location: {
        id: 'SITE1',
        evse_uid: 'CS1*1',
        evse_id: 'DE*VGC*ECS1*1',
        connector_standard: 'IEC_62196_T2',
        connector_power_type: 'AC_3_PHASE',
        postal_code: '10178',
      },
      currency: 'EUR',
      // 11 kWh × 0.40 + 1 h × 1.20 = 5.60 excl. VAT, 6.66 incl. 19 %.
      total_cost: { excl_vat: 5.6, incl_vat: 6.66 },
      total_energy: 11,
      total_time: 1,
      last_updated: '2026-03-02T11:00:05.000Z',
    });
    expect(cdr.tariffs).toEqual([ocpiTariff(tariff, identity, '2.2.1')]);
    const [period] = cdr.charging_periods as { tariff_id: string; dimensions: { type: string }[] }[];
    expect(period.tariff_id).toBe('T1');
    expect(period.dimensions.map((dimension) => dimension.type)).toContain('MAX_POWER');
  });

  it('renders a 2.1.1 CDR: total excl. VAT, the whole location, no dimension or field 2.1.1 lacks', () => {
    const cdr = ocpiCdr(cdrOf(), identity, '2.1.1');
    expect(cdr).toMatchObject({
      id: 'S1',
      stop_date_time: '2026-03-02T11:00:00Z',
      auth_id: 'NL-EXW-C1',
      auth_method: 'AUTH_REQUEST',
      total_cost: 5.6,
      location: { id: 'SITE1', evses: [expect.objectContaining({ uid: 'CS1*1' })] },
    });
    for (const field of ['country_code', 'cdr_token', 'cdr_location', 'session_id', 'total_energy_cost']) {
      expect(cdr).not.toHaveProperty(field);
    }
    for (const period of cdr.charging_periods as Record<string, unknown>[]) {
      expect(period).not.toHaveProperty('tariff_id');
      expect((period.dimensions as { type: string }[]).map((dimension) => dimension.type)).not.toContain(
        'MIN_POWER',
      );
    }
  });

  it('renders a 2.1.1 tariff without party, VAT, min/max price, currents or reservation elements', () => {
    expect(ocpiTariff(tariff, identity, '2.1.1')).toEqual({
      id: 'T1',
      currency: 'EUR',
      elements: [
        {
          price_components: [
            { type: 'ENERGY', price: 0.4, step_size: 1 },
            { type: 'TIME', price: 1.2, step_size: 60 },
          ],
          restrictions: { start_time: '06:00', end_time: '22:00' },
        },
      ],
      last_updated: '2026-01-01T00:00:00Z',
    });
  });
});
