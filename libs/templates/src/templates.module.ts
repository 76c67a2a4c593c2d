import { StaticLimitationKeys } from '@csms/stations';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StaticLimitationKeysService } from './application/static-limitation-keys.service';
import { TemplateApplicationLeaseRepository } from './application/template-application-lease.repository';
import { TemplateApplicationListener } from './application/template-application.listener';
import { TemplateApplier } from './application/template-applier';
import {
  TemplateApplicationLeaseDocument,
  TemplateApplicationLeaseSchema,
} from './schemas/template-application-lease.schema';
import { StationTemplateDocument, StationTemplateSchema } from './schemas/station-template.schema';
import { BuiltInTemplatesSeeder } from './seeds/built-in-templates.seeder';
import { StationConfigurationResolver } from './station-configuration.resolver';
import { StationTemplateRepository } from './station-template.repository';
import { StationTemplateResolver } from './station-template.resolver';
import { StationTemplateService } from './station-template.service';

/**
 * Station templates: zero configuration for the stations they match, applied after each accepted boot.
 * Global because it implements a port the stations domain looks up: StaticLimitationKeys.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: StationTemplateDocument.name, schema: StationTemplateSchema },
      { name: TemplateApplicationLeaseDocument.name, schema: TemplateApplicationLeaseSchema },
    ]),
  ],
  providers: [
    StationTemplateRepository,
    TemplateApplicationLeaseRepository,
    StationTemplateService,
    StationTemplateResolver,
    StationConfigurationResolver,
    TemplateApplier,
    TemplateApplicationListener,
    BuiltInTemplatesSeeder,
    { provide: StaticLimitationKeys, useClass: StaticLimitationKeysService },
  ],
  exports: [StationTemplateService, StaticLimitationKeys],
})
export class TemplatesModule {}
