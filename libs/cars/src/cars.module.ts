import { SessionCarLimits } from '@csms/smart-charging';
import { RemoteStartCars } from '@csms/stations';
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
import { RemoteStartCarChoices } from './sessions/remote-start-car-choices';
import { RemoteStartCarRepository } from './sessions/remote-start-car.repository';
import { RemoteStartCarDocument, RemoteStartCarSchema } from './sessions/schemas/remote-start-car.schema';
import { SessionCarDocument, SessionCarSchema } from './sessions/schemas/session-car.schema';
import { SessionCarListener } from './sessions/session-car.listener';
import { SessionCarRepository } from './sessions/session-car.repository';
import { SessionCarResolver } from './sessions/session-car.resolver';

/**
 * The car catalog (Open EV Data, curated by super admins), users' cars, and the car of each session.
 * Global for the ports it provides: SessionCarLimits (smart charging plans each session's car with it)
 * and RemoteStartCars (a car chosen in remoteStartTransaction).
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CarModelDocument.name, schema: CarModelSchema },
      { name: CarDocument.name, schema: CarSchema },
      { name: SessionCarDocument.name, schema: SessionCarSchema },
      { name: RemoteStartCarDocument.name, schema: RemoteStartCarSchema },
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
    RemoteStartCarRepository,
    RemoteStartCarChoices,
    { provide: RemoteStartCars, useExisting: RemoteStartCarChoices },
  ],
  exports: [CarService, CarCatalogService, SessionCarLimits, RemoteStartCars],
})
export class CarsModule {}
