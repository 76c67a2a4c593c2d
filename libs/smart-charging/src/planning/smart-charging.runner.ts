import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { SiteArea } from '@csms/organizations';
import { Injectable, Logger } from '@nestjs/common';
import {
  SMART_CHARGING_PLAN_UPDATED,
  SMART_CHARGING_STATION_EXCLUDED,
} from '../events/smart-charging-events';
import { StationExclusionRepository } from '../exclusions/station-exclusion.repository';
import { ProfileDelivery } from '../models/smart-charging-plan.model';
import { optimize } from '../optimizer/optimize';
import { Phase, SessionPlan } from '../optimizer/optimizer.types';
import {
  SentSchedule,
  StoredAllowance,
  StoredArea,
  StoredConnectorPlan,
} from '../plans/smart-charging-plan.schema';
import { SmartChargingPlanRepository } from '../plans/smart-charging-plan.repository';
import { StoredPlan } from '../plans/stored-plan';
import { wiringKey } from '../wiring/connector-wiring.repository';
import { connectorPhaseOf } from '../wiring/phase-rotation';
import { idleAllowances } from './allowances';
import { AreaSnapshot } from './area-snapshot';
import {
  ConnectorSchedule,
  needsSending,
  profileIdOf,
  profileOf,
  rateUnitOf,
  stationShares,
} from './connector-schedule';
import { BuiltProblem, SLOT_MINUTES, buildProblem, limitAt } from './problem-builder';
import { ProfileSender } from './profile-sender';
import { SnapshotReader } from './snapshot.reader';

const SLOT_MS = SLOT_MINUTES * 60_000;

interface Outgoing {
  schedule: ConnectorSchedule;
  sent?: SentSchedule;
  /** Lower than what the station has now: sent before the increases, so no fuse is overrun between. */
  decrease: boolean;
}

/**
 * One planning run of a site-area tree: read, optimize, turn each session's plan into its profile
 * and each idle connector's allowance into a TxDefaultProfile, send what changed past the threshold
 * (decreases first, then increases), store and announce the plan. A station that takes no profile
 * after the retries is excluded (admins are told) and the tree is planned again without it.
 */
@Injectable()
export class SmartChargingRunner {
  private readonly logger = new Logger(SmartChargingRunner.name);

  constructor(
    private readonly reader: SnapshotReader,
    private readonly sender: ProfileSender,
    private readonly plans: SmartChargingPlanRepository,
    private readonly exclusions: StationExclusionRepository,
    private readonly events: EventBus,
  ) {}

  async run(tenantId: TenantId, root: SiteArea, areas: SiteArea[]): Promise<StoredPlan> {
    for (let round = 1; ; round++) {
      const snapshot = await this.reader.read(tenantId, root, areas, new Date());
      const { plan, excluded } = await this.planAndSend(tenantId, snapshot);
      if (excluded.length === 0 || round >= 2) {
        const saved = await this.plans.save(tenantId, plan);
        await this.events.publish(domainEvent(SMART_CHARGING_PLAN_UPDATED, tenantId, { plan: saved }));
        return saved;
      }
      // Stations just excluded count as loads now: plan the others again at once.
      await this.plans.save(tenantId, plan);
    }
  }

  private async planAndSend(
    tenantId: TenantId,
    snapshot: AreaSnapshot,
  ): Promise<{ plan: StoredPlan; excluded: string[] }> {
    const { now, root } = snapshot;
    const settings = snapshot.settings.get(root.id)!;
    const controlled = snapshot.areas.some((area) => area.smartCharging);
    const problem = buildProblem(snapshot);
    const result = controlled ? optimize(problem.input).sessions : [];
    const previous = snapshot.previous;
    const previousByConnector = new Map(
      (previous?.connectors ?? []).map((connector) => [
        wiringKey(connector.chargingStationId, connector.connectorId),
        connector,
      ]),
    );
    const previousAllowances = new Map(
      (previous?.allowances ?? []).map((allowance) => [
        wiringKey(allowance.chargingStationId, allowance.connectorId),
        allowance,
      ]),
    );

    const outgoing: Outgoing[] = [];
    const planned: ConnectorSchedule[] = [];
    const connectors: StoredConnectorPlan[] = [];
    for (const plan of result) {
      const session = problem.sessions.get(plan.id)!;
      const key = wiringKey(session.station.id, session.transaction.connectorId);
      const schedule = this.sessionSchedule(problem, plan);
      planned.push(schedule);
      const before = previousByConnector.get(key);
      const sent = before?.sent?.transactionId === plan.id ? before.sent : undefined;
      if (needsSending(schedule, sent, settings.changeThresholdAmps, now)) {
        outgoing.push({ schedule, sent, decrease: isDecrease(schedule, sent, now) });
      }
      connectors.push({
        chargingStationId: session.station.id,
        connectorId: session.transaction.connectorId,
        siteAreaId: session.siteAreaId,
        transactionId: plan.id,
        periods: periodsOf(schedule, problem),
        reason: reasonText(plan, problem.slotStart),
        reasonCode: plan.reason.code,
        gridPhases: plan.phases.map((phase) => phase + 1),
        delivery: ProfileDelivery.UNCHANGED,
        phaseRotation: session.rotation,
        sent,
        stickyAmps: session.stickyAmps,
      });
    }
    for (const session of problem.uncontrolled) {
      connectors.push({
        chargingStationId: session.transaction.chargingStationId,
        connectorId: session.transaction.connectorId,
        siteAreaId: session.siteAreaId,
        transactionId: session.transaction.id,
        periods: [],
        reason: `not controlled: ${session.why}`,
        gridPhases: ([0, 1, 2] as Phase[])
          .filter((phase) => session.amps[phase] > 0)
          .map((phase) => phase + 1),
        delivery: ProfileDelivery.NOT_SENT,
        phaseRotation: session.rotation,
      });
    }

    const allowances: StoredAllowance[] = [];
    // An allowance (or a station's share) goes out when it changed enough; else what was sent stays.
    const queueAllowance = (schedule: ConnectorSchedule, key: string) => {
      const sent = previousAllowances.get(key)?.sent;
      if (needsSending(schedule, sent, settings.changeThresholdAmps, now)) {
        outgoing.push({ schedule, sent, decrease: isDecrease(schedule, sent, now) });
      } else if (sent) {
        allowances.push({
          chargingStationId: schedule.chargingStationId,
          connectorId: schedule.connectorId,
          sent,
        });
      }
    };
    const amounts = idleAllowances(
      problem.input,
      result,
      problem.idle,
      problem.stationFuseId,
      settings.minimumCurrentAmps,
    );
    problem.idle.forEach((connector, index) => {
      const amps = amounts[index];
      if (amps === undefined || !controlled) return;
      const key = wiringKey(connector.station.id, connector.connectorId);
      const schedule: ConnectorSchedule = {
        chargingStationId: connector.station.id,
        connectorId: connector.connectorId,
        purpose: 'TxDefaultProfile',
        ocppVersion: connector.station.ocppVersion,
        startSchedule: problem.slotStart,
        limits: [amps],
        gridPhases: [0, 1, 2],
        voltage: connector.voltage,
        dc: connector.dc,
        rateUnit: rateUnitOf(connector.station, connector.dc),
      };
      planned.push(schedule);
      queueAllowance(schedule, key);
    });
    const shares = controlled ? stationShares(planned) : [];
    for (const share of shares) queueAllowance(share, wiringKey(share.chargingStationId, 0));

    const failed = await this.deliver(tenantId, outgoing, settings.stackLevel, connectors, allowances, now);
    await this.clearLeftovers(tenantId, previous, problem, shares);
    const excluded: string[] = [];
    for (const [stationId, detail] of failed) {
      excluded.push(stationId);
      const reason = `did not take its charging profile: ${detail}`;
      await this.exclusions.exclude(tenantId, stationId, reason);
      const siteAreaId = snapshot.stations.find((station) => station.id === stationId)?.siteAreaId ?? root.id;
      this.logger.warn({ tenantId, stationId, reason }, 'Station excluded from smart charging');
      await this.events.publish(
        domainEvent(SMART_CHARGING_STATION_EXCLUDED, tenantId, {
          chargingStationId: stationId,
          siteAreaId,
          reason,
        }),
      );
    }
    return {
      plan: {
        rootAreaId: root.id,
        areaIds: snapshot.areas.map((area) => area.id),
        areas: storedAreas(snapshot, problem),
        computedAt: now,
        stickyLimitation: settings.stickyLimitation,
        connectors: connectors.sort(
          (a, b) => a.chargingStationId.localeCompare(b.chargingStationId) || a.connectorId - b.connectorId,
        ),
        allowances,
      },
      excluded,
    };
  }

  private sessionSchedule(problem: BuiltProblem, plan: SessionPlan): ConnectorSchedule {
    const session = problem.sessions.get(plan.id)!;
    return {
      chargingStationId: session.station.id,
      connectorId: session.transaction.connectorId,
      purpose: 'TxProfile',
      transactionId: plan.id,
      ocppTransactionId: session.transaction.ocppTransactionId,
      ocppVersion: session.station.ocppVersion,
      startSchedule: problem.slotStart,
      limits: plan.amps,
      gridPhases: plan.phases,
      phaseToUse:
        session.switchable && plan.phases.length === 1
          ? connectorPhaseOf(session.rotation, plan.phases[0])
          : undefined,
      voltage: session.voltage,
      dc: session.dc,
      rateUnit: rateUnitOf(session.station, session.dc),
    };
  }

  /**
   * Sends decreases first (all stations at once), then increases; records each connector's delivery.
   * Returns the stations that took none of their profiles, with why.
   */
  private async deliver(
    tenantId: TenantId,
    outgoing: Outgoing[],
    stackLevel: number,
    connectors: StoredConnectorPlan[],
    allowances: StoredAllowance[],
    now: Date,
  ): Promise<Map<string, string>> {
    const failed = new Map<string, string>();
    /** Per station, the sessions whose TxProfile it refused, and whether it refused anything else. */
    const refusedSessions = new Map<string, string[]>();
    const refusedOther = new Set<string>();
    for (const wave of [
      outgoing.filter((item) => item.decrease),
      outgoing.filter((item) => !item.decrease),
    ]) {
      await Promise.all(
        wave.map(async ({ schedule }) => {
          if (failed.has(schedule.chargingStationId)) return;
          const delivery = await this.sender.send(
            tenantId,
            schedule.chargingStationId,
            schedule.connectorId,
            profileOf(schedule, stackLevel),
          );
          const sent: SentSchedule | undefined = delivery.accepted
            ? {
                purpose: schedule.purpose,
                transactionId: schedule.transactionId,
                startSchedule: schedule.startSchedule,
                limits: schedule.limits,
                phaseToUse: schedule.phaseToUse,
                rateUnit: schedule.rateUnit,
                sentAt: now,
              }
            : undefined;
          if (!delivery.accepted && !delivery.offline) {
            failed.set(schedule.chargingStationId, delivery.detail);
            if (schedule.purpose === 'TxProfile' && schedule.transactionId) {
              const refused = refusedSessions.get(schedule.chargingStationId) ?? [];
              refusedSessions.set(schedule.chargingStationId, [...refused, schedule.transactionId]);
            } else refusedOther.add(schedule.chargingStationId);
          }
          if (schedule.purpose !== 'TxProfile') {
            if (sent)
              allowances.push({
                chargingStationId: schedule.chargingStationId,
                connectorId: schedule.connectorId,
                sent,
              });
            return;
          }
          const connector = connectors.find(
            (candidate) => candidate.transactionId === schedule.transactionId,
          );
          if (!connector) return;
          connector.delivery = delivery.accepted ? ProfileDelivery.ACCEPTED : ProfileDelivery.FAILED;
          connector.deliveryDetail = delivery.detail;
          connector.sent = sent;
        }),
      );
    }
    await this.forgiveEndedSessions(tenantId, failed, refusedSessions, refusedOther, connectors);
    return failed;
  }

  /**
   * A station refuses the TxProfile of a session that ended while the plan was made (OCPP: no
   * transaction, no TxProfile); that is no fault of the station's, and the session's end plans again.
   */
  private async forgiveEndedSessions(
    tenantId: TenantId,
    failed: Map<string, string>,
    refusedSessions: Map<string, string[]>,
    refusedOther: Set<string>,
    connectors: StoredConnectorPlan[],
  ): Promise<void> {
    const suspects = [...failed.keys()].filter(
      (stationId) => refusedSessions.has(stationId) && !refusedOther.has(stationId),
    );
    if (suspects.length === 0) return;
    const active = await this.reader.stillActive(tenantId, suspects);
    for (const stationId of suspects) {
      const ended = refusedSessions.get(stationId)!.filter((transactionId) => !active.has(transactionId));
      if (ended.length < refusedSessions.get(stationId)!.length) continue;
      failed.delete(stationId);
      for (const connector of connectors) {
        if (connector.transactionId && ended.includes(connector.transactionId)) {
          connector.deliveryDetail = 'the session ended before its profile reached the station';
        }
      }
    }
  }

  /**
   * Our profiles where smart charging no longer plans (the area switched off, the station left out):
   * a session's TxProfile, and the allowance of a connector that is neither idle under control nor
   * charging under a plan, and the share of a station no longer planned. A TxProfile dies with its
   * session by itself.
   */
  private async clearLeftovers(
    tenantId: TenantId,
    previous: StoredPlan | undefined,
    problem: BuiltProblem,
    shares: readonly ConnectorSchedule[],
  ): Promise<void> {
    if (!previous) return;
    const uncontrolled = new Set(problem.uncontrolled.map((session) => session.transaction.id));
    const kept = new Set([
      ...problem.idle.map((connector) => wiringKey(connector.station.id, connector.connectorId)),
      ...[...problem.sessions.values()].map((session) =>
        wiringKey(session.station.id, session.transaction.connectorId),
      ),
      ...shares.map((share) => wiringKey(share.chargingStationId, 0)),
    ]);
    const clears: Promise<void>[] = [];
    for (const connector of previous.connectors) {
      if (connector.sent && connector.transactionId && uncontrolled.has(connector.transactionId)) {
        clears.push(
          this.sender.clear(
            tenantId,
            connector.chargingStationId,
            profileIdOf('TxProfile', connector.connectorId),
          ),
        );
      }
    }
    for (const allowance of previous.allowances) {
      if (!kept.has(wiringKey(allowance.chargingStationId, allowance.connectorId))) {
        clears.push(
          this.sender.clear(
            tenantId,
            allowance.chargingStationId,
            profileIdOf(allowance.sent.purpose, allowance.connectorId),
          ),
        );
      }
    }
    await Promise.all(clears);
  }
}

function isDecrease(schedule: ConnectorSchedule, sent: SentSchedule | undefined, now: Date): boolean {
  // A first profile lowers whatever the station did on its own.
  if (!sent) return true;
  const before = limitAt(sent.limits, sent.startSchedule, now);
  return before === undefined || schedule.limits[0] < before;
}

function periodsOf(schedule: ConnectorSchedule, problem: BuiltProblem): StoredConnectorPlan['periods'] {
  const periods: StoredConnectorPlan['periods'] = [];
  schedule.limits.forEach((amps, slot) => {
    if (periods.length > 0 && periods[periods.length - 1].limitAmps === amps) return;
    periods.push({
      start: new Date(problem.slotStart.getTime() + slot * SLOT_MS),
      limitAmps: amps,
      limitWatts: Math.round(amps * schedule.gridPhases.length * schedule.voltage),
    });
  });
  return periods;
}

function reasonText(plan: SessionPlan, slotStart: Date): string {
  if (plan.reason.fromSlot === undefined) return plan.reason.text;
  const from = new Date(slotStart.getTime() + plan.reason.fromSlot * SLOT_MS);
  return `${plan.reason.text}: charging from ${from.toISOString().slice(11, 16)} UTC`;
}

function storedAreas(snapshot: AreaSnapshot, problem: BuiltProblem): StoredArea[] {
  return snapshot.areas.map((area) => {
    const fuse = problem.input.fuses.find((candidate) => candidate.id === `area:${area.id}`)!;
    const limit = fuse.limitAmps[0];
    return {
      id: area.id,
      parentId: area.parentSiteAreaId,
      limitAmps: Number.isFinite(limit) ? limit : null,
      voltage: fuse.voltage,
      phases: area.numberOfPhases ?? 3,
      assetAmps: [...(snapshot.assetAmps.get(area.id) ?? [0, 0, 0])] as [number, number, number],
    };
  });
}
