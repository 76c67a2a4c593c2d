import { SampledValue } from '../ports/transaction-inbound.port';
import { toConsumption } from './consumption-math';

const at = new Date('2026-01-01T10:00:00Z');
const energy = (value: string, unit?: string): SampledValue => ({
  value,
  measurand: 'Energy.Active.Import.Register',
  ...(unit ? { unit } : {}),
});

describe('toConsumption', () => {
  it('computes energy since start from a register in Wh (the default unit and measurand)', () => {
    expect(toConsumption(at, [{ value: '1500' }], { meterStartWh: 1000 })).toEqual({
      timestamp: at,
      cumulatedWh: 500,
    });
  });

  it('converts a register in kWh', () => {
    const point = toConsumption(at, [energy('12.345', 'kWh')], { meterStartWh: 12000 });
    expect(point.cumulatedWh).toBe(345);
  });

  it('never reports negative energy when the register is below meterStart', () => {
    expect(toConsumption(at, [energy('900')], { meterStartWh: 1000 }).cumulatedWh).toBe(0);
  });

  it('keeps the previous energy when the MeterValue has no register', () => {
    const previous = { timestamp: new Date(at.getTime() - 60_000), cumulatedWh: 250 };
    const point = toConsumption(at, [{ value: '16', measurand: 'Current.Import', unit: 'A' }], {
      meterStartWh: 0,
      previous,
    });
    expect(point.cumulatedWh).toBe(250);
  });

  it('reads power in W and kW', () => {
    expect(
      toConsumption(at, [{ value: '7400', measurand: 'Power.Active.Import', unit: 'W' }], { meterStartWh: 0 })
        .instantWatts,
    ).toBe(7400);
    expect(
      toConsumption(at, [{ value: '11', measurand: 'Power.Active.Import', unit: 'kW' }], { meterStartWh: 0 })
        .instantWatts,
    ).toBe(11000);
  });

  it('sums power and current over the phases when no total is given', () => {
    const samples: SampledValue[] = ['L1', 'L2', 'L3'].flatMap((phase, index) => [
      { value: String(3000 + index * 100), measurand: 'Power.Active.Import', unit: 'W', phase },
      { value: String(13 + index), measurand: 'Current.Import', unit: 'A', phase },
    ]);
    const point = toConsumption(at, samples, { meterStartWh: 0 });
    expect(point.instantWatts).toBe(9300);
    expect(point.instantAmps).toBe(42);
    expect([point.instantAmpsL1, point.instantAmpsL2, point.instantAmpsL3]).toEqual([13, 14, 15]);
  });

  it('prefers the total over the phases and ignores N and line-to-line readings', () => {
    const point = toConsumption(
      at,
      [
        { value: '5000', measurand: 'Power.Active.Import', phase: 'L1' },
        { value: '11000', measurand: 'Power.Active.Import' },
        { value: '230', measurand: 'Voltage', phase: 'L1-N' },
        { value: '400', measurand: 'Voltage', phase: 'L1-L2' },
        { value: '2', measurand: 'Current.Import', phase: 'N' },
        { value: '16', measurand: 'Current.Import', phase: 'L1' },
      ],
      { meterStartWh: 0 },
    );
    expect(point.instantWatts).toBe(11000);
    expect(point.voltage).toBe(230);
    expect(point.instantAmps).toBe(16);
  });

  it('derives power from V×A per phase when the station sends no power', () => {
    const samples: SampledValue[] = [
      { value: '230', measurand: 'Voltage', phase: 'L1-N', unit: 'V' },
      { value: '232', measurand: 'Voltage', phase: 'L2-N', unit: 'V' },
      { value: '10', measurand: 'Current.Import', phase: 'L1', unit: 'A' },
      { value: '20', measurand: 'Current.Import', phase: 'L2', unit: 'A' },
    ];
    const point = toConsumption(at, samples, { meterStartWh: 0 });
    expect(point.instantWatts).toBe(230 * 10 + 232 * 20);
    expect(point.voltage).toBe(231);
    expect(point.instantAmps).toBe(30);
  });

  it('derives power from a single voltage and current', () => {
    const samples: SampledValue[] = [
      { value: '230', measurand: 'Voltage' },
      { value: '32', measurand: 'Current.Import' },
    ];
    expect(toConsumption(at, samples, { meterStartWh: 0 }).instantWatts).toBe(7360);
  });

  it('derives power from ΔWh/Δt when only the register is sent', () => {
    const previous = { timestamp: new Date(at.getTime() - 15 * 60_000), cumulatedWh: 1000 };
    const point = toConsumption(at, [energy('3000')], { meterStartWh: 0, previous });
    // 2000 Wh in a quarter of an hour = 8000 W
    expect(point.instantWatts).toBe(8000);
    expect(point.cumulatedWh).toBe(3000);
  });

  it('gives no power for the first register-only reading or a non-advancing clock', () => {
    expect(toConsumption(at, [energy('3000')], { meterStartWh: 0 }).instantWatts).toBeUndefined();
    const previous = { timestamp: at, cumulatedWh: 1000 };
    expect(toConsumption(at, [energy('3000')], { meterStartWh: 0, previous }).instantWatts).toBeUndefined();
  });

  it('reads the state of charge, including from the EV side', () => {
    const point = toConsumption(at, [{ value: '64', measurand: 'SoC', unit: 'Percent', location: 'EV' }], {
      meterStartWh: 0,
    });
    expect(point.stateOfCharge).toBe(64);
  });

  it('takes the limit from Power.Offered, else from the context', () => {
    expect(
      toConsumption(at, [{ value: '7.2', measurand: 'Power.Offered', unit: 'kW' }], {
        meterStartWh: 0,
        limitWatts: 3000,
      }).limitWatts,
    ).toBe(7200);
    expect(toConsumption(at, [], { meterStartWh: 0, limitWatts: 3000 }).limitWatts).toBe(3000);
  });

  it('skips signed data and non-numeric values in the figures', () => {
    const point = toConsumption(
      at,
      [
        { value: 'OCMF|{...}', format: 'SignedData', measurand: 'Energy.Active.Import.Register' },
        { value: 'n/a', measurand: 'Power.Active.Import' },
        energy('2500'),
      ],
      { meterStartWh: 500 },
    );
    expect(point.cumulatedWh).toBe(2000);
    expect(point.instantWatts).toBeUndefined();
  });
});
