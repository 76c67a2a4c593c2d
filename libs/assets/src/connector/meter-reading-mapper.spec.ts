import { MeterMappingError, readingFromMeter } from './meter-reading-mapper';

describe('readingFromMeter', () => {
  const meter = {
    data: { total_kw: '4.2', at: 1_764_590_400 },
    phases: [
      { kw: 1.4, a: 6.1 },
      { kw: 1.4, a: 6.0 },
      { kw: 1.4, a: 6.2 },
    ],
  };

  it('maps paths, scales power and reads epoch seconds', () => {
    const reading = readingFromMeter(meter, {
      powerFactor: 1000,
      mapping: {
        watts: 'data.total_kw',
        wattsL2: 'phases[1].kw',
        ampsL3: 'phases[2].a',
        timestamp: 'data.at',
      },
    });
    expect(reading).toEqual({
      watts: 4200,
      wattsL2: 1400,
      ampsL3: 6.2,
      timestamp: new Date('2025-12-01T12:00:00Z'),
    });
  });

  it('fails clearly when the total is missing or not a number', () => {
    expect(() =>
      readingFromMeter({ data: {} }, { powerFactor: 1, mapping: { watts: 'data.total_kw' } }),
    ).toThrow(MeterMappingError);
    expect(() =>
      readingFromMeter(
        { data: { total_kw: 'n/a' } },
        { powerFactor: 1, mapping: { watts: 'data.total_kw' } },
      ),
    ).toThrow('No number at "data.total_kw"');
  });
});
