import { MeterSample } from '../../model/connector';

export type ReadingContext16 = 'Sample.Periodic' | 'Transaction.Begin' | 'Transaction.End' | 'Trigger';

export interface SampledValue16 {
  value: string;
  context?: ReadingContext16;
  format?: 'Raw';
  measurand?: string;
  phase?: string;
  location?: 'Outlet' | 'EV';
  unit?: string;
}

export interface MeterValue16 {
  timestamp: string;
  sampledValue: SampledValue16[];
}

const PHASES = ['L1', 'L2', 'L3'];
const PHASE_VOLTAGES = ['L1-N', 'L2-N', 'L3-N'];

/** One 1.6 meterValue with the configured measurands (MeterValuesSampledData). */
export function toMeterValue16(
  sample: MeterSample,
  measurands: readonly string[],
  context: ReadingContext16,
): MeterValue16 {
  const wanted = new Set(measurands);
  const values: SampledValue16[] = [];
  const add = (
    value: number,
    measurand: string,
    unit: string,
    digits: number,
    extra: Partial<SampledValue16> = {},
  ): void => {
    values.push({
      value: value.toFixed(digits),
      context,
      format: 'Raw',
      measurand,
      location: 'Outlet',
      unit,
      ...extra,
    });
  };
  // The energy register is always sent: it is what a transaction is billed on.
  add(sample.energyRegisterWh, 'Energy.Active.Import.Register', 'Wh', 0);
  if (wanted.has('Power.Active.Import')) add(sample.powerW, 'Power.Active.Import', 'W', 0);
  if (wanted.has('Current.Import')) {
    sample.currentsA.forEach((current, phase) =>
      add(current, 'Current.Import', 'A', 2, sample.direct ? {} : { phase: PHASES[phase] }),
    );
  }
  if (wanted.has('Voltage')) {
    sample.voltagesV.forEach((voltage, phase) =>
      add(voltage, 'Voltage', 'V', 1, sample.direct ? {} : { phase: PHASE_VOLTAGES[phase] }),
    );
  }
  if (wanted.has('SoC') && sample.socPercent !== undefined) {
    add(sample.socPercent, 'SoC', 'Percent', 1, { location: 'EV' });
  }
  return { timestamp: sample.timestamp.toISOString(), sampledValue: values };
}
