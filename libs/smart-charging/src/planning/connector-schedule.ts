import { ChargingProfileInput, ChargingStation } from '@csms/stations';
import { Phase } from '../optimizer/optimizer.types';
import { SentSchedule } from '../plans/smart-charging-plan.schema';
import { SLOT_MINUTES, limitAt } from './problem-builder';

/** Profile ids of smart charging, per connector (static limits use 900,000 + connector). */
export const TX_PROFILE_ID = 800_000;
export const ALLOWANCE_PROFILE_ID = 810_000;
/** The station's whole share (2.0.1 ChargingStationMaxProfile), on connector 0. */
export const STATION_MAX_PROFILE_ID = 820_000;

/** The profile id smart charging uses for a purpose on a connector. */
export function profileIdOf(purpose: SentSchedule['purpose'], connectorId: number): number {
  if (purpose === 'ChargePointMaxProfile') return STATION_MAX_PROFILE_ID;
  return (purpose === 'TxProfile' ? TX_PROFILE_ID : ALLOWANCE_PROFILE_ID) + connectorId;
}
/** Profiles end no sooner than this after being sent: the next plan comes well before. */
const REFRESH_BEFORE_END_SLOTS = 2;
/** A decrease this small is rounding, not a change. */
const SAME_AMPS = 0.05;

/** A connector's schedule as it is sent: amperes per slot from `startSchedule`, the last holding on. */
export interface ConnectorSchedule {
  chargingStationId: string;
  connectorId: number;
  purpose: SentSchedule['purpose'];
  /** The GraphQL id of the session (TxProfile). */
  transactionId?: string;
  /** The id the station knows (TxProfile): 1.x integer, 2.0.1 string. */
  ocppTransactionId?: string;
  ocppVersion?: string;
  startSchedule: Date;
  limits: number[];
  gridPhases: Phase[];
  /** 2.0.1 and a switchable single-phase car: the connector phase (1..3) to put it on. */
  phaseToUse?: number;
  voltage: number;
  dc: boolean;
  /** What the station is given: amperes per phase, or watts (rateUnitOf). */
  rateUnit: 'A' | 'W';
}

/** The unit a station's template asks for, else amperes for AC and watts for DC. */
export function rateUnitOf(station: Pick<ChargingStation, 'capabilities'>, dc: boolean): 'A' | 'W' {
  return station.capabilities?.chargingRateUnit ?? (dc ? 'W' : 'A');
}

/**
 * The OCPP profile of a schedule (version-neutral; the edge encodes 1.6 or 2.0.1): a TxProfile bound
 * to the session, or a TxDefaultProfile for an idle connector, Absolute from the slot start, a period
 * wherever the limit changes and no duration (the last period holds until the next plan), in the
 * station's unit: amperes per phase, or watts over the phases drawn on; AC with its number of phases.
 */
export function profileOf(schedule: ConnectorSchedule, stackLevel: number): ChargingProfileInput {
  const tx = schedule.purpose === 'TxProfile';
  const phases = Math.max(1, schedule.gridPhases.length);
  const periods: ChargingProfileInput['schedule']['periods'] = [];
  schedule.limits.forEach((amps, slot) => {
    const limit =
      schedule.rateUnit === 'W' ? Math.floor(amps * phases * schedule.voltage) : Math.round(amps * 10) / 10;
    if (periods.length > 0 && periods[periods.length - 1].limit === limit) return;
    periods.push({
      startPeriod: slot * SLOT_MINUTES * 60,
      limit,
      ...(schedule.dc ? {} : { numberPhases: phases }),
      ...(schedule.phaseToUse !== undefined && phases === 1 ? { phaseToUse: schedule.phaseToUse } : {}),
    });
  });
  return {
    chargingProfileId: profileIdOf(schedule.purpose, schedule.connectorId),
    stackLevel,
    purpose: schedule.purpose,
    kind: 'Absolute',
    ...(tx && schedule.ocppTransactionId !== undefined
      ? { ocppTransactionId: schedule.ocppTransactionId }
      : {}),
    schedule: { startSchedule: schedule.startSchedule, rateUnit: schedule.rateUnit, periods },
  };
}

/**
 * The share of each 2.0.1 station as a whole (its ChargingStationMaxProfile): per slot the sum of its
 * connectors' limits (sessions and idle allowances; a schedule's last slot holds on), per phase, so no
 * phase of the station can carry more even if a connector ignores its own profile. 1.6 stations have
 * their ChargePointMaxProfile for static limits only (the issue's output list).
 */
export function stationShares(schedules: readonly ConnectorSchedule[]): ConnectorSchedule[] {
  const byStation = new Map<string, ConnectorSchedule[]>();
  for (const schedule of schedules) {
    if (!schedule.ocppVersion?.startsWith('2.')) continue;
    const list = byStation.get(schedule.chargingStationId) ?? [];
    list.push(schedule);
    byStation.set(schedule.chargingStationId, list);
  }
  return [...byStation.values()].map((list) => {
    const slots = Math.max(...list.map((schedule) => schedule.limits.length));
    const limits = Array.from({ length: slots }, (_, slot) =>
      list.reduce(
        (sum, schedule) => sum + (schedule.limits[Math.min(slot, schedule.limits.length - 1)] ?? 0),
        0,
      ),
    );
    const [first] = list;
    return {
      chargingStationId: first.chargingStationId,
      connectorId: 0,
      purpose: 'ChargePointMaxProfile' as const,
      ocppVersion: first.ocppVersion,
      startSchedule: first.startSchedule,
      limits: limits.map((amps) => Math.round(amps * 10) / 10),
      gridPhases: [0, 1, 2],
      voltage: first.voltage,
      dc: false,
      rateUnit: first.rateUnit,
    };
  });
}

/**
 * Whether the station must be sent this schedule, given what it was sent last: always for a new
 * session, purpose, phase or unit (a template applied since the last plan may ask for watts),
 * whenever any limit goes down (the fuses need it), when one goes up by more than the threshold, and
 * when the schedule sent nears its end.
 */
export function needsSending(
  schedule: ConnectorSchedule,
  sent: SentSchedule | undefined,
  thresholdAmps: number,
  now: Date,
): boolean {
  if (!sent || sent.purpose !== schedule.purpose || sent.transactionId !== schedule.transactionId)
    return true;
  if (sent.phaseToUse !== schedule.phaseToUse || sent.rateUnit !== schedule.rateUnit) return true;
  const sentSlots = sent.limits.length;
  const sentEnd = sent.startSchedule.getTime() + sentSlots * SLOT_MINUTES * 60_000;
  const newEnd = schedule.startSchedule.getTime() + schedule.limits.length * SLOT_MINUTES * 60_000;
  if (sentEnd - now.getTime() < REFRESH_BEFORE_END_SLOTS * SLOT_MINUTES * 60_000 && newEnd > sentEnd)
    return true;
  return schedule.limits.some((limit, slot) => {
    const at = new Date(schedule.startSchedule.getTime() + slot * SLOT_MINUTES * 60_000);
    const before = limitAt(sent.limits, sent.startSchedule, at);
    if (before === undefined) return true;
    return limit < before - SAME_AMPS || limit > before + thresholdAmps;
  });
}
