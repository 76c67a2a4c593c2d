import { dcSupply, electricalReading } from '../../model/charge-curve';
import { toMeterValue16 } from './ocpp16-meter-values';

const MEASURANDS = ['Power.Active.Import', 'Current.Import', 'Voltage', 'SoC'];

describe('1.6 meter values', () => {
  const sample = (direct: boolean, reading: ReturnType<typeof electricalReading>) => ({
    timestamp: new Date('2026-01-01T10:00:00Z'),
    energyRegisterWh: 1234,
    ...reading,
    socPercent: 42,
    direct,
  });

  it('gives an AC current and voltage per phase', () => {
    const reading = electricalReading(11_000, { nominalVoltageV: 230, phases: 3, maxCurrentA: 32 });
    const values = toMeterValue16(sample(false, reading), MEASURANDS, 'Sample.Periodic').sampledValue;
    expect(values.filter((v) => v.measurand === 'Current.Import').map((v) => v.phase)).toEqual([
      'L1',
      'L2',
      'L3',
    ]);
  });

  it("gives a DC charger's one current and voltage without a phase", () => {
    const reading = electricalReading(90_000, dcSupply(150_000));
    const values = toMeterValue16(sample(true, reading), MEASURANDS, 'Sample.Periodic').sampledValue;
    const currents = values.filter((v) => v.measurand === 'Current.Import');
    expect(currents).toHaveLength(1);
    expect(currents[0].phase).toBeUndefined();
    expect(
      Number(currents[0].value) * Number(values.find((v) => v.measurand === 'Voltage')!.value),
    ).toBeCloseTo(90_000, -2);
  });
});
