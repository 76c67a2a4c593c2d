import { ChargingProfileInput } from '@csms/stations';
import { createHash } from 'node:crypto';
import { parseOcpiDateTime } from '../../protocol/ocpi-datetime';
import { ocpiDateTime } from '../../protocol/ocpi-response';

/** OCPI ChargingProfile (mod_charging_profiles). */
export interface OcpiChargingProfile {
  start_date_time?: string;
  duration?: number;
  charging_rate_unit: 'W' | 'A';
  min_charging_rate?: number;
  charging_profile_period?: { start_period: number; limit: number }[];
}

export const chargingProfileSchema = {
  type: 'object',
  required: ['charging_rate_unit'],
  properties: {
    start_date_time: { type: 'string' },
    duration: { type: 'integer', minimum: 0 },
    charging_rate_unit: { enum: ['W', 'A'] },
    min_charging_rate: { type: 'number', minimum: 0 },
    charging_profile_period: {
      type: 'array',
      items: {
        type: 'object',
        required: ['start_period', 'limit'],
        properties: { start_period: { type: 'integer', minimum: 0 }, limit: { type: 'number', minimum: 0 } },
      },
    },
  },
};

export const setChargingProfileSchema = {
  type: 'object',
  required: ['charging_profile', 'response_url'],
  properties: {
    charging_profile: chargingProfileSchema,
    response_url: { type: 'string', minLength: 1, maxLength: 255 },
  },
};

/** The OCPP profile id we use for a session's roaming profile: stable, so it can be replaced and cleared. */
export function profileIdOfSession(sessionId: string): number {
  return (createHash('sha256').update(sessionId).digest().readUInt32BE(0) % 2_000_000_000) + 1;
}

/** A partner's profile for a session as the OCPP TxProfile of its transaction (1.6 terms; 2.0.1 maps it). */
export function txProfileOf(
  profile: OcpiChargingProfile,
  sessionId: string,
  ocppTransactionId: string,
): ChargingProfileInput {
  const start = parseOcpiDateTime(profile.start_date_time);
  const transactionId = /^\d+$/.test(ocppTransactionId) ? Number(ocppTransactionId) : undefined;
  return {
    chargingProfileId: profileIdOfSession(sessionId),
    stackLevel: 1,
    purpose: 'TxProfile',
    kind: start ? 'Absolute' : 'Relative',
    ...(transactionId !== undefined ? { transactionId } : {}),
    schedule: {
      ...(profile.duration !== undefined ? { duration: profile.duration } : {}),
      ...(start ? { startSchedule: start } : {}),
      rateUnit: profile.charging_rate_unit,
      ...(profile.min_charging_rate !== undefined ? { minChargingRate: profile.min_charging_rate } : {}),
      periods: (profile.charging_profile_period ?? [{ start_period: 0, limit: 0 }]).map((period) => ({
        startPeriod: period.start_period,
        limit: period.limit,
      })),
    },
  };
}

interface CompositeSchedule {
  scheduleStart?: string;
  duration?: number;
  chargingRateUnit?: 'W' | 'A';
  minChargingRate?: number;
  chargingSchedulePeriod?: { startPeriod: number; limit: number }[];
}

/** A station's composite schedule (1.6 `chargingSchedule`, 2.0.1 `schedule`) as an ActiveChargingProfile. */
export function activeProfileOf(
  data: Record<string, unknown> | undefined,
  now: Date,
): Record<string, unknown> | undefined {
  const v16 = data?.chargingSchedule as CompositeSchedule | undefined;
  const v201 = data?.schedule as CompositeSchedule | undefined;
  const schedule = v16 ?? v201;
  if (!schedule) return undefined;
  const start = (data?.scheduleStart as string | undefined) ?? schedule.scheduleStart;
  return {
    start_date_time: start ? ocpiDateTime(new Date(start)) : ocpiDateTime(now),
    charging_profile: {
      ...(schedule.duration !== undefined ? { duration: schedule.duration } : {}),
      charging_rate_unit: schedule.chargingRateUnit ?? 'W',
      ...(schedule.minChargingRate !== undefined ? { min_charging_rate: schedule.minChargingRate } : {}),
      charging_profile_period: (schedule.chargingSchedulePeriod ?? []).map((period) => ({
        start_period: period.startPeriod,
        limit: period.limit,
      })),
    },
  };
}
