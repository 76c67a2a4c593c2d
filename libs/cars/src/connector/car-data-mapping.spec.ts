import {
  CarDataMappingError,
  DEFAULT_FIELD_MAPPING,
  FIELD_PATH,
  readingOf,
  valueAt,
  vehicleOfVin,
} from './car-data-mapping';

describe('car-data field mapping', () => {
  const readAt = new Date('2026-03-01T12:00:00Z');

  it('reads Tronity-shaped answers: vehicles by VIN, level, range, odometer and a timestamp in ms', () => {
    const vehicles = {
      data: [
        { id: 'v-1', vin: 'WVWZZZ1KZAW000001', displayName: 'Golf' },
        { id: 'v-2', vin: 'wbay11111a1234567' },
        { id: 'v-3' },
      ],
      count: 3,
    };
    expect(vehicleOfVin(vehicles, DEFAULT_FIELD_MAPPING, ' WBAY11111A1234567 ')).toEqual({
      id: 'v-2',
      vin: 'WBAY11111A1234567',
    });
    expect(vehicleOfVin(vehicles, DEFAULT_FIELD_MAPPING, 'UNKNOWN')).toBeNull();
    const battery = {
      level: 63,
      range: 241,
      odometer: 18_250,
      timestamp: Date.parse('2026-03-01T11:58:00Z'),
    };
    expect(readingOf(battery, DEFAULT_FIELD_MAPPING, readAt)).toEqual({
      stateOfCharge: 63,
      rangeKm: 241,
      odometerKm: 18_250,
      measuredAt: new Date('2026-03-01T11:58:00Z'),
    });
  });

  it('follows nested paths and array indexes, and reads numbers sent as strings', () => {
    const mapping = {
      ...DEFAULT_FIELD_MAPPING,
      vehicleList: 'result.cars',
      vehicleId: 'meta.uuid',
      vehicleVin: 'meta.vin',
      stateOfCharge: 'state.battery.0.soc',
      timestamp: 'state.at',
      odometer: 'state.mileage',
      range: 'state.range.km',
    };
    const list = { result: { cars: [{ meta: { uuid: 42, vin: 'VIN1' } }] } };
    expect(vehicleOfVin(list, mapping, 'vin1')).toEqual({ id: '42', vin: 'VIN1' });
    const answer = {
      state: {
        battery: [{ soc: '81.5' }],
        at: '2026-03-01T11:30:00+01:00',
        mileage: '1200',
        range: { km: 300 },
      },
    };
    expect(readingOf(answer, mapping, readAt)).toEqual({
      stateOfCharge: 81.5,
      measuredAt: new Date('2026-03-01T10:30:00Z'),
      odometerKm: 1200,
      rangeKm: 300,
    });
    expect(valueAt(answer, 'state.battery.x')).toBeUndefined();
    expect(valueAt(answer, 'state.mileage.deeper')).toBeUndefined();
  });

  it('reads Unix seconds, takes the reading time without a timestamp mapping or for a clock ahead', () => {
    const seconds = Date.parse('2026-03-01T11:00:00Z') / 1000;
    expect(readingOf({ level: 10, timestamp: seconds }, DEFAULT_FIELD_MAPPING, readAt).measuredAt).toEqual(
      new Date('2026-03-01T11:00:00Z'),
    );
    expect(
      readingOf({ level: 10 }, { ...DEFAULT_FIELD_MAPPING, timestamp: undefined }, readAt).measuredAt,
    ).toEqual(readAt);
    const ahead = readingOf(
      { level: 10, timestamp: readAt.getTime() + 60_000 },
      DEFAULT_FIELD_MAPPING,
      readAt,
    );
    expect(ahead.measuredAt).toEqual(readAt);
  });

  it('refuses answers the mapping cannot read: no list, a state of charge missing or out of range, no time', () => {
    expect(() => vehicleOfVin({ data: {} }, DEFAULT_FIELD_MAPPING, 'VIN')).toThrow(CarDataMappingError);
    for (const answer of [{}, { level: 'full' }, { level: 140 }, { level: -1 }, { level: null }]) {
      expect(() => readingOf({ ...answer, timestamp: 1 }, DEFAULT_FIELD_MAPPING, readAt)).toThrow(
        CarDataMappingError,
      );
    }
    expect(() => readingOf({ level: 50, timestamp: 'yesterday' }, DEFAULT_FIELD_MAPPING, readAt)).toThrow(
      CarDataMappingError,
    );
    // Missing optional figures are left out, not invented.
    expect(
      readingOf({ level: 50, timestamp: readAt.getTime(), range: 'n/a' }, DEFAULT_FIELD_MAPPING, readAt),
    ).toEqual({
      stateOfCharge: 50,
      measuredAt: readAt,
    });
  });

  it('accepts dotted names as paths, nothing else', () => {
    for (const path of ['level', 'data.0.level', 'a_b.$c.@d-e']) expect(FIELD_PATH.test(path)).toBe(true);
    for (const path of ['', 'a..b', '.a', 'a.', 'a b', 'a[0]', '__proto__ x'])
      expect(FIELD_PATH.test(path)).toBe(false);
  });
});
