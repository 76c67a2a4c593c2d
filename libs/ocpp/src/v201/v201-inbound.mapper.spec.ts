import { encodeIdTokenInfo, energyRegisterWh, toMeterValues } from './v201-inbound.mapper';

describe('v201 inbound mapping', () => {
  it('scales values by their multiplier and keeps the unit', () => {
    const [value] = toMeterValues([
      {
        timestamp: '2026-11-20T10:00:00.000Z',
        sampledValue: [
          { value: 7.2, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 3 } },
        ],
      },
    ]);
    expect(value.sampledValues).toEqual([
      expect.objectContaining({ value: '7200', unit: 'W', measurand: 'Power.Active.Import', format: 'Raw' }),
    ]);
  });

  it('reads the energy register in Wh: default measurand, kWh, per-phase readings ignored', () => {
    const values = toMeterValues([
      {
        timestamp: '2026-11-20T10:00:00.000Z',
        sampledValue: [
          {
            value: 1,
            measurand: 'Energy.Active.Import.Register',
            phase: 'L1',
            unitOfMeasure: { unit: 'kWh' },
          },
          { value: 2, unitOfMeasure: { unit: 'kWh' } },
          { value: 3500, measurand: 'Energy.Active.Import.Register' },
        ],
      },
    ]);
    expect(energyRegisterWh(values, 'first')).toBe(2000);
    expect(energyRegisterWh(values, 'last')).toBe(3500);
    expect(energyRegisterWh([], 'last')).toBeUndefined();
  });

  it('encodes authorization with the parent tag as group id token', () => {
    expect(
      encodeIdTokenInfo({
        status: 'Accepted',
        parentIdTag: 'FLEET',
        expiryDate: new Date('2027-01-01T00:00:00Z'),
      }),
    ).toEqual({
      status: 'Accepted',
      cacheExpiryDateTime: '2027-01-01T00:00:00.000Z',
      groupIdToken: { idToken: 'FLEET', type: 'Central' },
    });
  });
});
