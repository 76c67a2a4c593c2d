import { SessionCarLimits, SessionCarStateOfCharge } from '@csms/smart-charging';
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
import { CarConnectorSettingsRepository } from './connector/car-connector-settings.repository';
import { CarConnectorSettingsResolver } from './connector/car-connector-settings.resolver';
import { CarConnectorSettingsService } from './connector/car-connector-settings.service';
import { CarDataConnectionResolver } from './connector/car-data-connection.resolver';
import {
  CarConnectorSettingsDocument,
  CarConnectorSettingsSchema,
} from './connector/schemas/car-connector-settings.schema';
import { CarSocReadingRepository } from './connector/soc/car-soc-reading.repository';
import { CarSocFollower } from './connector/soc/car-soc.follower';
import { CarSocJob } from './connector/soc/car-soc.job';
import { ReportedCarSoc } from './connector/soc/reported-car-soc';
import { CarSocReadingDocument, CarSocReadingSchema } from './connector/soc/schemas/car-soc-reading.schema';
import { DriverCarLimits } from './sessions/driver-car-limits';
import { RemoteStartCarChoices } from './sessions/remote-start-car-choices';
import { RemoteStartCarRepository } from './sessions/remote-start-car.repository';
import { RemoteStartCarDocument, RemoteStartCarSchema } from './sessions/schemas/remote-start-car.schema';
import { SessionCarDocument, SessionCarSchema } from './sessions/schemas/session-car.schema';
import { SessionCarListener } from './sessions/session-car.listener';
import { SessionCarRepository } from './sessions/session-car.repository';
import { SessionCarResolver } from './sessions/session-car.resolver';

/**
 * The car catalog (Open EV Data, curated by super admins), users' cars, the car of each session, and
 * the tenant's car-data connector that reads the state of charge of sessions' cars. Global for the
 * ports it provides: SessionCarLimits and SessionCarStateOfCharge (smart charging plans each
 * session's car with them) and RemoteStartCars (a car chosen in remoteStartTransaction).
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CarModelDocument.name, schema: CarModelSchema },
      { name: CarDocument.name, schema: CarSchema },
      { name: SessionCarDocument.name, schema: SessionCarSchema },
      { name: RemoteStartCarDocument.name, schema: RemoteStartCarSchema },
      { name: CarConnectorSettingsDocument.name, schema: CarConnectorSettingsSchema },
      { name: CarSocReadingDocument.name, schema: CarSocReadingSchema },
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
    CarConnectorSettingsRepository,
    CarConnectorSettingsService,
    CarConnectorSettingsResolver,
    CarDataConnectionResolver,
    CarSocReadingRepository,
    CarSocFollower,
    CarSocJob,
    ReportedCarSoc,
    { provide: SessionCarStateOfCharge, useExisting: ReportedCarSoc },
  ],
  exports: [CarService, CarCatalogService, SessionCarLimits, SessionCarStateOfCharge, RemoteStartCars],
})
export class CarsModule {}
