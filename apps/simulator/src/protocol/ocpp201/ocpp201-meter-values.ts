import { MeterSample } from '../../model/connector';

export type ReadingContext201 = 'Sample.Periodic' | 'Transaction.Begin' | 'Transaction.End' | 'Trigger';

interface SampledValue201 {
  value: number;
  context: ReadingContext201;
  measurand: string;
  phase?: string;
  location: 'Outlet' | 'EV';
  unitOfMeasure: { unit: string };
}

const PHASES = ['L1', 'L2', 'L3'];
const PHASE_VOLTAGES = ['L1-N', 'L2-N', 'L3-N'];

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** One 2.0.1 MeterValueType with the configured measurands (numbers, unitOfMeasure objects). */
export function toMeterValue201(
  sample: MeterSample,
  measurands: readonly string[],
  context: ReadingContext201,
): object {
  const wanted = new Set(measurands);
  const values: SampledValue201[] = [];
  const add = (
    value: number,
    measurand: string,
    unit: string,
    extra: Partial<SampledValue201> = {},
  ): void => {
    values.push({ value, context, measurand, location: 'Outlet', unitOfMeasure: { unit }, ...extra });
  };
  add(round(sample.energyRegisterWh, 0), 'Energy.Active.Import.Register', 'Wh');
  if (wanted.has('Power.Active.Import')) add(round(sample.powerW, 0), 'Power.Active.Import', 'W');
  if (wanted.has('Current.Import')) {
    sample.currentsA.forEach((current, phase) =>
      add(round(current, 2), 'Current.Import', 'A', sample.direct ? {} : { phase: PHASES[phase] }),
    );
  }
  if (wanted.has('Voltage')) {
    sample.voltagesV.forEach((voltage, phase) =>
      add(round(voltage, 1), 'Voltage', 'V', sample.direct ? {} : { phase: PHASE_VOLTAGES[phase] }),
    );
  }
  if (wanted.has('SoC') && sample.socPercent !== undefined) {
    add(round(sample.socPercent, 1), 'SoC', 'Percent', { location: 'EV' });
  }
  return { timestamp: sample.timestamp.toISOString(), sampledValue: values };
}
