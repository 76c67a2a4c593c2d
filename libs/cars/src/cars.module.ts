import { SessionCarLimits } from '@csms/smart-charging';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CarService } from './cars/car.service';
import { CarRepository } from './cars/car.repository';
import { CarResolver } from './cars/car.resolver';
import { CarDocument, CarSchema } from './cars/schemas/car.schema';
import { CarCatalogResolver } from './catalog/car-catalog.resolver';
import { CarCatalogSeeder } from './catalog/car-catalog.seeder';
import { CarCatalogService } from './catalog/car-catalog.service';
import { CarModelRepository } from './catalog/car-model.repository';
import { CarModelDocument, CarModelSchema } from './catalog/schemas/car-model.schema';
import { DriverCarLimits } from './sessions/driver-car-limits';
import { SessionCarDocument, SessionCarSchema } from './sessions/schemas/session-car.schema';
import { SessionCarListener } from './sessions/session-car.listener';
import { SessionCarRepository } from './sessions/session-car.repository';
import { SessionCarResolver } from './sessions/session-car.resolver';

/**
 * The car catalog (Open EV Data, curated by super admins), users' cars, and the car of each session.
 * Global for one export: the SessionCarLimits port smart charging plans each session's car with.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CarModelDocument.name, schema: CarModelSchema },
      { name: CarDocument.name, schema: CarSchema },
      { name: SessionCarDocument.name, schema: SessionCarSchema },
    ]),
  ],
  providers: [
    CarModelRepository,
    CarCatalogService,
    CarCatalogSeeder,
    CarCatalogResolver,
    CarRepository,
    CarService,
    CarResolver,
    SessionCarRepository,
    SessionCarListener,
    SessionCarResolver,
    DriverCarLimits,
    { provide: SessionCarLimits, useExisting: DriverCarLimits },
  ],
  exports: [CarService, CarCatalogService, SessionCarLimits],
})
export class CarsModule {}
