import { TenantId } from '@csms/common';
import { CarLimits, SessionCarLimits, SessionRef } from '@csms/smart-charging';
import { Injectable } from '@nestjs/common';
import { acLimitOf } from '../cars/ac-limit';
import { Car } from '../cars/car';
import { CarRepository } from '../cars/car.repository';
import { CarModelRepository } from '../catalog/car-model.repository';
import { RemoteStartCarRepository, choiceId } from './remote-start-car.repository';
import { SessionCarRepository } from './session-car.repository';

/**
 * Smart charging's SessionCarLimits port: each session's car (the one noted when it started; for a
 * plan made before that, the car chosen at its remote start, else its driver's default car) with what
 * it takes on AC (its converter, else its catalog model) and its battery. A few reads per site area.
 */
@Injectable()
export class DriverCarLimits extends SessionCarLimits {
  constructor(
    private readonly sessionCars: SessionCarRepository,
    private readonly cars: CarRepository,
    private readonly models: CarModelRepository,
    private readonly choices: RemoteStartCarRepository,
  ) {
    super();
  }

  async limitsOf(tenantId: TenantId, sessions: readonly SessionRef[]): Promise<Map<string, CarLimits>> {
    const limits = new Map<string, CarLimits>();
    if (!sessions.length) return limits;
    const noted = await this.sessionCars.ofSessions(
      tenantId,
      sessions.map((session) => session.transactionId),
    );
    const drivers = sessions.filter((session) => !noted.has(session.transactionId) && session.userId);
    const chosen = await this.choices.pending(
      tenantId,
      drivers.flatMap(({ chargingStationId, tagId }) => (tagId ? [{ chargingStationId, tagId }] : [])),
    );
    const carIds = [...noted.values(), ...chosen.values()];
    const [cars, defaults] = await Promise.all([
      this.cars.findByIds(tenantId, [...new Set(carIds)]),
      drivers.length
        ? this.cars.defaultsOf(tenantId, [...new Set(drivers.map((session) => session.userId!))])
        : Promise.resolve([]),
    ]);
    const byId = new Map(cars.map((car) => [car.id, car]));
    const defaultOf = new Map(defaults.map((car) => [car.userId, car]));
    const carOf = new Map<string, Car>();
    for (const session of sessions) {
      const carId =
        noted.get(session.transactionId) ??
        (session.tagId ? chosen.get(choiceId(session.chargingStationId, session.tagId)) : undefined);
      const candidate = carId ? byId.get(carId) : undefined;
      // A chosen car must still be the driver's; else (and without one) the driver's default car.
      const car =
        candidate && (noted.has(session.transactionId) || candidate.userId === session.userId)
          ? candidate
          : session.userId
            ? defaultOf.get(session.userId)
            : undefined;
      if (car) carOf.set(session.transactionId, car);
    }
    const models = new Map(
      (await this.models.findByIds([...new Set([...carOf.values()].map((car) => car.carModelId))])).map(
        (model) => [model.id, model],
      ),
    );
    for (const [transactionId, car] of carOf) {
      const model = models.get(car.carModelId) ?? null;
      const ac = acLimitOf(car.converter, model);
      if (!ac) continue;
      limits.set(transactionId, {
        maxAcAmps: ac.ampsPerPhase,
        acPhases: ac.phases,
        batteryWh: model?.batteryKwh !== undefined ? model.batteryKwh * 1000 : undefined,
      });
    }
    return limits;
  }
}
