import { CheckAbility } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CarModel } from './car-model';
import { CarCatalogService } from './car-catalog.service';
import { CarModelsArgs } from './dto/car-models.args';
import { CarModelInput, UpdateCarModelInput } from './dto/car-model.input';
import { CarModelConnection, CarModelImport } from './models/car-model-connection.model';
import { CarModelModel } from './models/car-model.model';

@Resolver(() => CarModelModel)
export class CarCatalogResolver {
  constructor(private readonly catalog: CarCatalogService) {}

  @Query(() => CarModelConnection, { description: 'The car catalog in name order: search, filter by brand' })
  @CheckAbility('list', 'CarModel')
  carModels(@Args() args: CarModelsArgs): Promise<Connection<CarModel>> {
    return this.catalog.list(args);
  }

  @Query(() => CarModelModel)
  @CheckAbility('read', 'CarModel')
  carModel(@Args('id', { type: () => ID }) id: string): Promise<CarModel> {
    return this.catalog.get(id);
  }

  @Query(() => [String], { description: 'The brands of the catalog, in alphabetical order' })
  @CheckAbility('list', 'CarModel')
  carBrands(): Promise<string[]> {
    return this.catalog.brands();
  }

  @Mutation(() => CarModelModel, { description: 'Super admins: a model the catalog lacks' })
  @CheckAbility('create', 'CarModel')
  createCarModel(@Args('input') input: CarModelInput): Promise<CarModel> {
    return this.catalog.create(input);
  }

  @Mutation(() => CarModelModel, {
    description: 'Super admins: corrects a model; later imports leave it as edited',
  })
  @CheckAbility('update', 'CarModel')
  updateCarModel(@Args('input') input: UpdateCarModelInput): Promise<CarModel> {
    return this.catalog.update(input);
  }

  @Mutation(() => CarModelImport, {
    description: 'Super admins: adds and updates models from a newer Open EV Data file (its JSON text)',
  })
  @CheckAbility('update', 'CarModel')
  importCarModels(@Args('json') json: string): Promise<{ added: number; updated: number }> {
    return this.catalog.importOpenEvData(json);
  }
}
