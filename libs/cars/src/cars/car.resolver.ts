import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CarModel } from '../catalog/car-model';
import { CarCatalogService } from '../catalog/car-catalog.service';
import { CarModelModel } from '../catalog/models/car-model.model';
import { AcConverter, Car } from './car';
import { CarService } from './car.service';
import { CarsArgs, CreateCarInput, UpdateCarInput } from './dto/car.input';
import { CarConnection } from './models/car-connection.model';
import { AcConverterModel, CarModelOfUser } from './models/car.model';

@Resolver(() => CarModelOfUser)
export class CarResolver {
  constructor(
    private readonly service: CarService,
    private readonly catalog: CarCatalogService,
  ) {}

  @Query(() => CarConnection, { description: 'Cars the caller may list (drivers: their own)' })
  @CheckAbility('list', 'Car')
  cars(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args() args: CarsArgs,
  ): Promise<Connection<Car>> {
    return this.service.list(principal, ability, args);
  }

  @Query(() => CarModelOfUser)
  @CheckAbility('read', 'Car')
  car(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Car> {
    return this.service.getReadable(principal, ability, id);
  }

  @Mutation(() => CarModelOfUser, { description: "A user's first car becomes their default" })
  @CheckAbility('create', 'Car')
  createCar(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateCarInput,
  ): Promise<Car> {
    return this.service.create(principal, ability, input);
  }

  @Mutation(() => CarModelOfUser)
  @CheckAbility('update', 'Car')
  updateCar(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateCarInput,
  ): Promise<Car> {
    return this.service.update(principal, ability, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'Car')
  deleteCar(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.service.delete(principal, ability, id);
  }

  @ResolveField(() => CarModelModel)
  carModel(@Parent() car: Car): Promise<CarModel> {
    return this.catalog.get(car.carModelId);
  }

  @ResolveField(() => AcConverterModel, {
    nullable: true,
    description:
      'The most the car draws on AC (its converter, else its model), which smart charging keeps to',
  })
  acLimit(@CurrentPrincipal() principal: Principal, @Parent() car: Car): Promise<AcConverter | null> {
    return this.service.chargingLimitsOf(principal.tenantId, car);
  }
}
