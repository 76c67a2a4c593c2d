import { TenantId } from '@csms/common';
import { ConsumptionRepository } from '@csms/transactions';
import { Injectable } from '@nestjs/common';
import { CarFacts, SessionCarInfo, SessionRef } from '../ports/session-car.port';
import { SessionMeter, SessionMeterTracker } from './session-meter.tracker';

/**
 * What the session itself tells of its car: the phases it draws on and its state of charge, from
 * the meter values (the tracker, else the session's last curve point after a restart). Knows no
 * battery size nor AC limit: the car catalog adds those.
 */
@Injectable()
export class MeteredSessionCars extends SessionCarInfo {
  constructor(
    private readonly tracker: SessionMeterTracker,
    private readonly consumptions: ConsumptionRepository,
  ) {
    super();
  }

  async factsOf(tenantId: TenantId, sessions: readonly SessionRef[]): Promise<Map<string, CarFacts>> {
    const facts = new Map<string, CarFacts>();
    await Promise.all(
      sessions.map(async (session) => {
        const meter =
          this.tracker.get(tenantId, session.transactionId) ?? (await this.fromCurve(tenantId, session));
        facts.set(session.transactionId, meter ? factsFrom(meter) : {});
      }),
    );
    return facts;
  }

  private async fromCurve(tenantId: TenantId, session: SessionRef): Promise<SessionMeter | undefined> {
    const last = await this.consumptions.latestPointOf(tenantId, session.transactionId);
    if (!last) return undefined;
    return this.tracker.record(
      tenantId,
      session.transactionId,
      session.chargingStationId,
      session.connectorId,
      last,
    );
  }
}

export function factsFrom(meter: SessionMeter): CarFacts {
  const measured = meter.phaseAmps.filter((amps): amps is number => amps !== undefined);
  const facts: CarFacts = { measuredAt: meter.at };
  if (meter.phasesSeen.size > 0) facts.connectorPhases = [...meter.phasesSeen].sort();
  if (measured.length > 0) {
    facts.measuredAmps = Math.max(...measured);
    facts.measuredPhaseAmps = [meter.phaseAmps[0] ?? 0, meter.phaseAmps[1] ?? 0, meter.phaseAmps[2] ?? 0];
  } else if (meter.totalAmps !== undefined) {
    facts.measuredAmps = meter.totalAmps / Math.max(1, meter.phasesSeen.size || 3);
  }
  if (meter.stateOfCharge !== undefined) facts.stateOfCharge = meter.stateOfCharge;
  return facts;
}
