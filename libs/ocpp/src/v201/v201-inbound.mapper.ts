import { BootInfo } from '@csms/stations/ports/station-inbound.port';
import { IdTagInfo, MeterValue, SampledValue } from '@csms/transactions/ports/transaction-inbound.port';
import {
  BootNotificationRequest,
  IdTokenInfoType,
  MeterValueType,
  SampledValueType,
} from './types/generated';

const ENERGY_REGISTER = 'Energy.Active.Import.Register';

/** Schema-validated timestamps are RFC 3339 date-times. */
export function toDate(value: string): Date {
  return new Date(value);
}

export function toBootInfo(request: BootNotificationRequest): BootInfo {
  const station = request.chargingStation;
  return {
    vendor: station.vendorName,
    model: station.model,
    serialNumber: station.serialNumber,
    firmwareVersion: station.firmwareVersion,
    iccid: station.modem?.iccid,
    imsi: station.modem?.imsi,
    reason: request.reason,
  };
}

/** 2.0.1 values are numbers scaled by 10^multiplier; the domain takes 1.6-style strings in `unit`. */
function toSampledValue(sample: SampledValueType): SampledValue {
  const multiplier = sample.unitOfMeasure?.multiplier ?? 0;
  const value = multiplier === 0 ? sample.value : sample.value * 10 ** multiplier;
  return {
    value: String(value),
    context: sample.context,
    format: 'Raw',
    measurand: sample.measurand,
    phase: sample.phase,
    location: sample.location,
    unit: sample.unitOfMeasure?.unit,
  };
}

export function toMeterValues(values: readonly MeterValueType[] | undefined): MeterValue[] {
  return (values ?? []).map((meterValue) => ({
    timestamp: toDate(meterValue.timestamp),
    sampledValues: meterValue.sampledValue.map(toSampledValue),
  }));
}

/**
 * The energy register in Wh among `values` (the last reading, or the first one with `first`):
 * measurand absent means the register in 2.0.1 as in 1.6; a per-phase reading is not the total.
 */
export function energyRegisterWh(values: readonly MeterValue[], which: 'first' | 'last'): number | undefined {
  const readings: number[] = [];
  for (const meterValue of values) {
    for (const sample of meterValue.sampledValues) {
      if ((sample.measurand ?? ENERGY_REGISTER) !== ENERGY_REGISTER || sample.phase) continue;
      const value = Number(sample.value);
      if (!Number.isFinite(value)) continue;
      readings.push(sample.unit?.toLowerCase() === 'kwh' ? value * 1000 : value);
    }
  }
  return which === 'first' ? readings.at(0) : readings.at(-1);
}

/** The 2.0.1 wire form of an authorization answer; the parent tag becomes the group id token. */
export function encodeIdTokenInfo(info: IdTagInfo): IdTokenInfoType {
  return {
    status: info.status,
    ...(info.expiryDate ? { cacheExpiryDateTime: info.expiryDate.toISOString() } : {}),
    ...(info.parentIdTag ? { groupIdToken: { idToken: info.parentIdTag, type: 'Central' } } : {}),
    ...(info.personalMessage
      ? {
          personalMessage: {
            format: 'UTF8' as const,
            content: info.personalMessage.content.slice(0, 512),
            ...(info.personalMessage.language ? { language: info.personalMessage.language.slice(0, 8) } : {}),
          },
        }
      : {}),
  };
}
