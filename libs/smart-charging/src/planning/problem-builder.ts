import { SiteArea } from '@csms/organizations';
import {
  ChargingStation,
  Connector,
  CurrentType,
  limitWattsInForce,
  supplyOf,
  wattsToAmps,
} from '@csms/stations';
import { Transaction } from '@csms/transactions';
import { FuseInput, OptimizerInput, Phase, PhaseVector, SessionInput } from '../optimizer/optimizer.types';
import { CarFacts } from '../ports/session-car.port';
import { StoredConnectorPlan } from '../plans/smart-charging-plan.schema';
import { SmartChargingSettings } from '../settings/smart-charging-settings';
import { DEFAULT_WIRING } from '../wiring/connector-wiring';
import { wiringKey } from '../wiring/connector-wiring.repository';
import { PhaseRotation, gridPhaseOf } from '../wiring/phase-rotation';
import { AreaSnapshot } from './area-snapshot';
import { FORECAST_DAYS, forecastArrivals } from './arrival-forecast';
import { pricesOfSlots } from './price-slots';
import { tariffPricesOfSlots } from './tariff-prices';

export const SLOT_MINUTES = 15;
const SLOT_MS = SLOT_MINUTES * 60_000;
const NOMINAL_VOLTAGE = 230;
/** Sticky limitation: a car drawing this much less than it may is limited to what it draws plus a margin. */
const STICKY_UNUSED_AMPS = 2;
const STICKY_MARGIN_AMPS = 1;
/** …and is given its share back once it draws within this of its sticky limit. */
const STICKY_WANTS_MORE_AMPS = 0.5;
/** A meter value this soon after a profile was sent may not show the car's answer yet. */
const SETTLE_MS = 10_000;

/** How a planned session maps back onto its station and connector. */
export interface PlannedSession {
  transaction: Transaction;
  station: ChargingStation;
  connector?: Connector;
  siteAreaId: string;
  rotation: PhaseRotation;
  voltage: number;
  dc: boolean;
  switchable: boolean;
  stickyAmps?: number;
}

/** An idle connector of a controlled station: it gets an allowance for the next car. */
export interface IdleConnector {
  station: ChargingStation;
  connectorId: number;
  siteAreaId: string;
  maxAmps: number;
  voltage: number;
  dc: boolean;
}

/** A session on a station smart charging does not control, counted as a load. */
export interface UncontrolledSession {
  transaction: Transaction;
  siteAreaId: string;
  rotation: PhaseRotation;
  why: string;
  amps: PhaseVector;
}

export interface BuiltProblem {
  input: OptimizerInput;
  slotStart: Date;
  sessions: Map<string, PlannedSession>;
  idle: IdleConnector[];
  uncontrolled: UncontrolledSession[];
  stationFuseId(stationId: string): string;
}

const areaFuseId = (areaId: string): string => `area:${areaId}`;
const stationFuseId = (stationId: string): string => `station:${stationId}`;

/**
 * Turns a snapshot of a site-area tree into the optimizer's problem: areas and stations become fuses
 * (per phase, after voltage and phases), assets and the sessions of stations nobody controls become
 * their base loads, each session gets its phases (learnt from its meter values, through the
 * connector's phase rotation), its limits (connector, station and static limits, the car, sticky
 * limitation), its energy need and departure. Pure: the snapshot carries the clock.
 */
export function buildProblem(snapshot: AreaSnapshot): BuiltProblem {
  const { root, now } = snapshot;
  const rootSettings = snapshot.settings.get(root.id)!;
  const areasById = new Map(snapshot.areas.map((area) => [area.id, area]));
  const slotStart = new Date(Math.floor(now.getTime() / SLOT_MS) * SLOT_MS);
  const slotCount = Math.max(1, Math.ceil(rootSettings.horizonMinutes / SLOT_MINUTES));
  const singlePhaseSite = root.numberOfPhases === 1;

  const fuses: FuseInput[] = snapshot.areas.map((area) =>
    areaFuse(area, areasById, snapshot.settings.get(area.id), snapshot.assetAmps),
  );
  const sessions: SessionInput[] = [];
  const planned = new Map<string, PlannedSession>();
  const idle: IdleConnector[] = [];
  const uncontrolled: UncontrolledSession[] = [];
  const sessionsByConnector = new Map(
    snapshot.sessions.map((transaction) => [
      wiringKey(transaction.chargingStationId, transaction.connectorId),
      transaction,
    ]),
  );
  const previousByTransaction = new Map(
    (snapshot.previous?.connectors ?? [])
      .filter((connector) => connector.transactionId)
      .map((connector) => [connector.transactionId!, connector]),
  );

  for (const station of snapshot.stations) {
    const area = station.siteAreaId ? areasById.get(station.siteAreaId) : undefined;
    if (!area) continue;
    const limits = snapshot.staticLimits.get(station.id) ?? [];
    const stationSupply = supplyOf(station, 0, area);
    const stationLimitWatts = minDefined(
      station.maximumPowerWatts,
      limits.find((limit) => limit.connectorId === 0)?.watts,
    );
    const stationAmps =
      stationLimitWatts === undefined ? Infinity : wattsToAmps(stationLimitWatts, stationSupply);
    const fuse: FuseInput = {
      id: stationFuseId(station.id),
      parentId: areaFuseId(area.id),
      label: `station ${station.id}`,
      limitAmps: [stationAmps, stationAmps, stationAmps],
      baseAmps: [0, 0, 0],
      voltage: stationSupply.voltage,
    };
    fuses.push(fuse);
    const why = uncontrolledWhy(station, area, snapshot.excluded.get(station.id));
    const connectorIds = new Set([
      ...station.connectors.map((connector) => connector.connectorId),
      ...snapshot.sessions
        .filter((session) => session.chargingStationId === station.id)
        .map((session) => session.connectorId),
    ]);
    for (const connectorId of [...connectorIds].sort((a, b) => a - b)) {
      const connector = station.connectors.find((candidate) => candidate.connectorId === connectorId);
      const wiring = snapshot.wiring.get(wiringKey(station.id, connectorId)) ?? { ...DEFAULT_WIRING };
      const supply = supplyOf(station, connectorId, area);
      const dc = connector?.currentType === CurrentType.DC;
      const limitWatts = minDefined(connector?.maxPowerWatts, limitWattsInForce(limits, connectorId));
      const connectorMax = minDefined(
        connector?.amperage,
        limitWatts === undefined ? undefined : wattsToAmps(limitWatts, supply),
      );
      const transaction = sessionsByConnector.get(wiringKey(station.id, connectorId));
      if (!transaction) {
        if (!why && connector) {
          idle.push({
            station,
            connectorId,
            siteAreaId: area.id,
            maxAmps: connectorMax ?? Infinity,
            voltage: supply.voltage,
            dc,
          });
        }
        continue;
      }
      const car = snapshot.cars.get(transaction.id) ?? {};
      const phases = singlePhaseSite ? [0 as Phase] : gridPhases(car, connector, wiring.phaseRotation);
      if (why) {
        const amps: PhaseVector = [0, 0, 0];
        const drawn = Math.max(connectorMax ?? 0, car.measuredAmps ?? 0);
        for (const phase of phases) amps[phase] += drawn;
        for (const phase of [0, 1, 2] as Phase[]) fuse.baseAmps![phase] += amps[phase];
        uncontrolled.push({ transaction, siteAreaId: area.id, rotation: wiring.phaseRotation, why, amps });
        continue;
      }
      const previous = previousByTransaction.get(transaction.id);
      const limit = sessionLimit(connectorMax, car, connector, previous, rootSettings, now);
      const preference = snapshot.preferences.get(transaction.id);
      const switchable =
        wiring.phaseSwitching && station.ocppVersion === '2.0.1' && phases.length === 1 && !dc;
      sessions.push({
        id: transaction.id,
        fuseId: fuse.id,
        phases,
        phaseOptions: switchable ? [0, 1, 2] : undefined,
        currentPhase:
          switchable && previous?.gridPhases.length === 1
            ? ((previous.gridPhases[0] - 1) as Phase)
            : undefined,
        minAmps: dc ? 0 : rootSettings.minimumCurrentAmps,
        maxAmps: limit.amps,
        maxLabel: limit.label,
        voltage: supply.voltage,
        efficiency: (dc ? rootSettings.dcEfficiencyPercent : rootSettings.efficiencyPercent) / 100,
        priority: wiring.priority,
        energyWh: energyNeedWh(car, preference?.targetSoc, rootSettings),
        departureSlot: departureSlot(transaction, car, preference?.departureAt, rootSettings, slotStart),
        charging: connector?.status === 'Charging' || (previous?.periods[0]?.limitAmps ?? 0) > 0,
        order: transaction.startedAt.getTime(),
        receivedWh: transaction.energyWh,
      });
      planned.set(transaction.id, {
        transaction,
        station,
        connector,
        siteAreaId: area.id,
        rotation: wiring.phaseRotation,
        voltage: supply.voltage,
        dc,
        switchable,
        stickyAmps: limit.sticky ? limit.amps : undefined,
      });
    }
  }

  const firstSlotHours = (slotStart.getTime() + SLOT_MS - now.getTime()) / 3_600_000;
  const prices =
    pricesOfSlots(rootSettings.gridPrices, snapshot.timeZone, slotStart, SLOT_MINUTES, slotCount) ??
    tariffPricesOfSlots(snapshot.sessions, slotStart, SLOT_MINUTES, slotCount);
  const input: OptimizerInput = {
    slotCount,
    slotHours: SLOT_MINUTES / 60,
    firstSlotHours,
    fuses,
    sessions,
    prices,
    futureCapacityShare: rootSettings.futureCapacitySharePercent / 100,
    // Later arrivals only change which slots are cheap for whom: with prices only.
    expectedArrivals:
      prices && snapshot.pastSessions?.length
        ? forecastArrivals(snapshot.pastSessions, FORECAST_DAYS, {
            slotStart,
            slotMinutes: SLOT_MINUTES,
            slotCount,
            fuseId: areaFuseId(root.id),
            voltage: root.voltage ?? NOMINAL_VOLTAGE,
          })
        : undefined,
  };
  return { input, slotStart, sessions: planned, idle, uncontrolled, stationFuseId };
}

function areaFuse(
  area: SiteArea,
  areas: Map<string, SiteArea>,
  settings: SmartChargingSettings | undefined,
  assetAmps: Map<string, PhaseVector>,
): FuseInput {
  const voltage = area.voltage ?? NOMINAL_VOLTAGE;
  const phases = area.numberOfPhases ?? 3;
  const perPhase = minDefined(
    area.maximumCurrentAmps,
    area.maximumPowerWatts === undefined ? undefined : area.maximumPowerWatts / (voltage * phases),
  );
  const limit = perPhase ?? Infinity;
  return {
    id: areaFuseId(area.id),
    parentId:
      area.parentSiteAreaId && areas.has(area.parentSiteAreaId)
        ? areaFuseId(area.parentSiteAreaId)
        : undefined,
    label: `area ${area.name}`,
    limitAmps: phases === 1 ? [limit, 0, 0] : [limit, limit, limit],
    baseAmps: assetAmps.get(area.id) ? ([...assetAmps.get(area.id)!] as PhaseVector) : undefined,
    voltage,
    peakWatts: settings?.peakPowerWatts,
    maxImbalanceAmps: settings?.maxPhaseImbalanceAmps,
  };
}

/** Why a station's sessions are loads rather than planned: undefined when smart charging controls it. */
function uncontrolledWhy(
  station: ChargingStation,
  area: SiteArea,
  exclusion: string | undefined,
): string | undefined {
  if (!area.smartCharging) return `area ${area.name} is not under smart charging`;
  if (exclusion) return `excluded: ${exclusion}`;
  if (!station.online) return 'offline';
  if (station.capabilities && !station.capabilities.chargingProfiles)
    return 'the station takes no charging profiles';
  if (station.ocppVersion === '1.5') return 'OCPP 1.5 has no charging profiles';
  return undefined;
}

/**
 * The grid phases a session draws on: the phases seen in its meter values, else its connector's, as
 * many as the car's charger uses when the car says.
 */
function gridPhases(car: CarFacts, connector: Connector | undefined, rotation: PhaseRotation): Phase[] {
  const connectorPhases =
    car.connectorPhases && car.connectorPhases.length > 0
      ? car.connectorPhases
      : [1, 2, 3].slice(0, Math.min(connector?.numberOfPhases ?? 3, car.acPhases ?? 3));
  return [...new Set(connectorPhases.map((phase) => gridPhaseOf(rotation, phase)))].sort();
}

interface SessionLimit {
  amps: number;
  label: string;
  sticky: boolean;
}

/**
 * The most a session may draw: the connector (template, static limits) and the car, then sticky
 * limitation: a car drawing clearly less than it was allowed is limited to what it draws (plus a
 * margin) so the others get the rest, until it draws up to that limit again (it wants more); a car
 * that paused itself (SuspendedEV) keeps the minimum current, enough to start again.
 */
function sessionLimit(
  connectorMax: number | undefined,
  car: CarFacts,
  connector: Connector | undefined,
  previous: StoredConnectorPlan | undefined,
  settings: SmartChargingSettings,
  now: Date,
): SessionLimit {
  let limit: SessionLimit = {
    amps: connectorMax ?? Infinity,
    label: "the connector's maximum",
    sticky: false,
  };
  if (car.maxAcAmps !== undefined && car.maxAcAmps < limit.amps) {
    limit = { amps: car.maxAcAmps, label: "the car's maximum", sticky: false };
  }
  if (!Number.isFinite(limit.amps))
    limit = { amps: 32, label: 'the usual AC maximum (nothing else known)', sticky: false };
  if (!settings.stickyLimitation) return limit;
  if (connector?.status === 'SuspendedEV') {
    const amps = Math.min(limit.amps, settings.minimumCurrentAmps);
    return { amps, label: 'the car paused itself (SuspendedEV): kept at the minimum', sticky: true };
  }
  const measured = car.measuredAmps;
  if (measured === undefined || !previous?.sent) return limit;
  const sticky = (amps: number): SessionLimit => ({
    amps: Math.min(limit.amps, Math.max(settings.minimumCurrentAmps, amps)),
    label: 'what the car draws (sticky limitation)',
    sticky: true,
  });
  if (previous.stickyAmps !== undefined) {
    if (measured >= previous.stickyAmps - STICKY_WANTS_MORE_AMPS) return limit;
    return sticky(Math.min(previous.stickyAmps, measured + STICKY_MARGIN_AMPS));
  }
  const settled = car.measuredAt && car.measuredAt.getTime() >= previous.sent.sentAt.getTime() + SETTLE_MS;
  const allowed = limitAt(previous.sent.limits, previous.sent.startSchedule, now);
  if (settled && allowed !== undefined && measured < allowed - STICKY_UNUSED_AMPS) {
    return sticky(measured + STICKY_MARGIN_AMPS);
  }
  return limit;
}

/** The limit of a sent schedule at `at` (slots of SLOT_MINUTES from `start`, the last holding on). */
export function limitAt(limits: readonly number[], start: Date, at: Date): number | undefined {
  if (limits.length === 0) return undefined;
  const slot = Math.floor((at.getTime() - start.getTime()) / SLOT_MS);
  if (slot < 0) return undefined;
  return limits[Math.min(slot, limits.length - 1)];
}

/** Battery energy still wanted, Wh, when the battery size and state of charge are known. */
function energyNeedWh(
  car: CarFacts,
  preferredTarget: number | undefined,
  settings: SmartChargingSettings,
): number | undefined {
  if (car.batteryWh === undefined || car.stateOfCharge === undefined) return undefined;
  const target = preferredTarget ?? car.targetSoc ?? settings.defaultTargetSoc;
  return (Math.max(0, target - car.stateOfCharge) / 100) * car.batteryWh;
}

/** The first slot the session is gone: the driver's departure, the car's, else the area's default stay. */
function departureSlot(
  transaction: Transaction,
  car: CarFacts,
  preferred: Date | undefined,
  settings: SmartChargingSettings,
  slotStart: Date,
): number | undefined {
  const departure =
    preferred ??
    car.departureAt ??
    (settings.defaultStayMinutes !== undefined
      ? new Date(transaction.startedAt.getTime() + settings.defaultStayMinutes * 60_000)
      : undefined);
  if (!departure) return undefined;
  return Math.ceil((departure.getTime() - slotStart.getTime()) / SLOT_MS);
}

function minDefined(...values: (number | undefined)[]): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return defined.length ? Math.min(...defined) : undefined;
}
