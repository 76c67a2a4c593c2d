import { TenantId } from '@csms/common';
import { RemoteStartCar, RemoteStartCars } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { CarService } from '../cars/car.service';
import { RemoteStartCarRepository } from './remote-start-car.repository';

/** The stations' RemoteStartCars port: a car chosen at remote start, checked and kept for its session. */
@Injectable()
export class RemoteStartCarChoices extends RemoteStartCars {
  constructor(
    private readonly cars: CarService,
    private readonly choices: RemoteStartCarRepository,
  ) {
    super();
  }

  async choose(tenantId: TenantId, choice: RemoteStartCar): Promise<void> {
    // Refuses (BAD_USER_INPUT) a car that is not the badge holder's.
    await this.cars.carForSession(tenantId, choice.driverId, choice.carId);
    await this.choices.put(tenantId, choice.chargingStationId, choice.tagId, choice.carId);
  }

  forget(tenantId: TenantId, chargingStationId: string, tagId: string): Promise<void> {
    return this.choices.forget(tenantId, chargingStationId, tagId);
  }
}
