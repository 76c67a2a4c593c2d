import { CurrentPrincipal, Principal } from '@csms/auth';
import { Transaction } from '@csms/transactions';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Car } from '../cars/car';
import { CarRepository } from '../cars/car.repository';
import { CarModelOfUser } from '../cars/models/car.model';
import { SessionCarRepository } from './session-car.repository';

@Resolver(() => Transaction)
export class SessionCarResolver {
  constructor(
    private readonly sessionCars: SessionCarRepository,
    private readonly cars: CarRepository,
  ) {}

  @ResolveField(() => CarModelOfUser, { nullable: true, description: 'The driver’s car the session charged' })
  async car(@CurrentPrincipal() principal: Principal, @Parent() session: Transaction): Promise<Car | null> {
    const noted = await this.sessionCars.findById(principal.tenantId, session.id);
    return noted ? this.cars.findById(principal.tenantId, noted.carId) : null;
  }
}
