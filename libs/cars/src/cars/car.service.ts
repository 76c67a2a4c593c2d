import { AppAbility, Principal, accessibleQuery, canOn } from '@csms/auth';
import { BadInputError, Connection, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { CarModelRepository } from '../catalog/car-model.repository';
import { AcConverter, Car } from './car';
import { acLimitOf } from './ac-limit';
import { CarFields, CarRepository } from './car.repository';
import { CarInput, CarsArgs, CreateCarInput, UpdateCarInput } from './dto/car.input';

/** Users' cars: one default each, read by sessions and smart charging through `chargingLimitsOf`. */
@Injectable()
export class CarService {
  constructor(
    private readonly cars: CarRepository,
    private readonly models: CarModelRepository,
  ) {}

  list(principal: Principal, ability: AppAbility, args: CarsArgs): Promise<Connection<Car>> {
    return this.cars.page(principal.tenantId, accessibleQuery(ability, 'list', 'Car'), args.userId, args);
  }

  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<Car> {
    const car = await this.cars.findAccessible(
      principal.tenantId,
      id,
      accessibleQuery(ability, 'read', 'Car'),
    );
    if (!car) throw new NotFoundError('Car', id);
    return car;
  }

  async create(principal: Principal, ability: AppAbility, input: CreateCarInput): Promise<Car> {
    const userId = input.userId ?? principal.userId;
    if (!userId) throw new BadInputError('Whose car is it?', { field: 'userId' });
    if (!canOn(ability, 'create', 'Car', { userId }))
      throw new ForbiddenError('You may not add a car for this user');
    const fields = await this.fieldsOf(principal.tenantId, userId, input);
    // A user's first car is their default.
    if (!input.isDefault && !(await this.cars.findDefault(principal.tenantId, userId)))
      fields.isDefault = true;
    const car = await this.cars.create(principal.tenantId, fields);
    if (car.isDefault) await this.cars.clearOtherDefaults(principal.tenantId, userId, car.id);
    return car;
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateCarInput): Promise<Car> {
    const existing = await this.getReadable(principal, ability, input.id);
    if (!canOn(ability, 'update', 'Car', existing)) throw new ForbiddenError('You may not change this car');
    const fields = await this.fieldsOf(principal.tenantId, existing.userId, input, existing.id);
    if (input.isDefault === undefined || input.isDefault === null) fields.isDefault = existing.isDefault;
    const updated = await this.cars.replace(principal.tenantId, existing.id, fields);
    if (!updated) throw new NotFoundError('Car', input.id);
    if (updated.isDefault) await this.cars.clearOtherDefaults(principal.tenantId, updated.userId, updated.id);
    return updated;
  }

  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    const existing = await this.getReadable(principal, ability, id);
    if (!canOn(ability, 'delete', 'Car', existing)) throw new ForbiddenError('You may not delete this car');
    return this.cars.remove(principal.tenantId, id);
  }

  /** The car a session of this user takes: the one chosen (which must be theirs), else their default. */
  async carForSession(tenantId: TenantId, userId: string, chosenCarId?: string): Promise<Car | null> {
    if (!chosenCarId) return this.cars.findDefault(tenantId, userId);
    const car = await this.cars.findById(tenantId, chosenCarId);
    if (!car || car.userId !== userId)
      throw new BadInputError('This car is not the driver’s', { field: 'carId' });
    return car;
  }

  /** What smart charging may give the car on AC (its converter, else its model's), null if unknown. */
  async chargingLimitsOf(tenantId: TenantId, car: Car): Promise<AcConverter | null> {
    return acLimitOf(car.converter, await this.models.findById(car.carModelId));
  }

  private async fieldsOf(
    tenantId: TenantId,
    userId: string,
    input: CarInput,
    carId?: string,
  ): Promise<CarFields> {
    if (!(await this.models.findById(input.carModelId))) {
      throw new BadInputError(`No car model ${input.carModelId} in the catalog`, { field: 'carModelId' });
    }
    if (input.vin) {
      const holder = await this.cars.findByVin(tenantId, input.vin);
      if (holder && holder.id !== carId)
        throw new BadInputError(`A car with VIN ${input.vin} exists`, { field: 'vin' });
    }
    return {
      userId,
      carModelId: input.carModelId,
      vin: input.vin ?? undefined,
      licensePlate: input.licensePlate?.toUpperCase() ?? undefined,
      converter: input.converter ?? undefined,
      isDefault: input.isDefault ?? false,
    };
  }
}
