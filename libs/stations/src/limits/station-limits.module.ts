import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StaticLimitDocument, StaticLimitSchema } from './schemas/static-limit.schema';
import {
  ConnectorStaticLimitFieldResolver,
  StationStaticLimitFieldsResolver,
} from './static-limit-fields.resolver';
import { StaticLimitLoaderFactory } from './static-limit.loader';
import { StaticLimitRepository } from './static-limit.repository';
import { StationLimitResolver } from './station-limit.resolver';
import { StationLimitService } from './station-limit.service';

/**
 * Static energy management of stations and connectors. Global: site areas (organizations) split
 * their limit through StationLimitService, and sessions (transactions) read the limits in force.
 * Looks up the ports SiteAreaSupply (organizations) and StaticLimitationKeys (templates) when present.
 */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: StaticLimitDocument.name, schema: StaticLimitSchema }])],
  providers: [
    StaticLimitRepository,
    StationLimitService,
    StaticLimitLoaderFactory,
    StationLimitResolver,
    StationStaticLimitFieldsResolver,
    ConnectorStaticLimitFieldResolver,
  ],
  exports: [StationLimitService],
})
export class StationLimitsModule {}
