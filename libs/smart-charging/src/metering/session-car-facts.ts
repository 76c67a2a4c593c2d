import { TenantId } from '@csms/common';
import { Injectable, Optional } from '@nestjs/common';
import {
  CarFacts,
  CarLimits,
  SessionCarInfo,
  SessionCarLimits,
  SessionCarStateOfCharge,
  SessionRef,
} from '../ports/session-car.port';
import { MeteredSessionCars } from './metered-session-cars';

/**
 * The facts the planner gets about each session's car: what the meter values tell (phases in use,
 * state of charge, current drawn), and what the driver's car says of itself (its AC limit, its
 * phases until the meter has shown them, its battery) when a SessionCarLimits provider is there,
 * and the state of charge the car reported itself where the station reports none.
 */
@Injectable()
export class SessionCarFacts extends SessionCarInfo {
  constructor(
    private readonly metered: MeteredSessionCars,
    @Optional() private readonly limits?: SessionCarLimits,
    @Optional() private readonly carSoc?: SessionCarStateOfCharge,
  ) {
    super();
  }

  async factsOf(tenantId: TenantId, sessions: readonly SessionRef[]): Promise<Map<string, CarFacts>> {
    const [facts, limits] = await Promise.all([
      this.metered.factsOf(tenantId, sessions),
      this.limits?.limitsOf(tenantId, sessions) ?? new Map<string, CarLimits>(),
    ]);
    for (const [transactionId, car] of limits) {
      facts.set(transactionId, withCarLimits(facts.get(transactionId) ?? {}, car));
    }
    const withoutSoc = sessions.filter(
      (session) => facts.get(session.transactionId)?.stateOfCharge === undefined,
    );
    if (this.carSoc && withoutSoc.length) {
      const reported = await this.carSoc.stateOfChargeOf(
        tenantId,
        withoutSoc.map((session) => session.transactionId),
      );
      for (const [transactionId, stateOfCharge] of reported) {
        facts.set(transactionId, { ...facts.get(transactionId), stateOfCharge });
      }
    }
    return facts;
  }
}

/** The metered facts with what the car says of itself. */
export function withCarLimits(facts: CarFacts, car: CarLimits): CarFacts {
  return {
    ...facts,
    maxAcAmps: car.maxAcAmps,
    acPhases: car.acPhases,
    batteryWh: facts.batteryWh ?? car.batteryWh,
  };
}
