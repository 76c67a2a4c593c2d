import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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

/** Station templates: zero configuration for the stations they match, applied after each accepted boot. */
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
  ],
  exports: [StationTemplateService],
})
export class TemplatesModule {}
