import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TariffAssignmentRepository } from './assignments/tariff-assignment.repository';
import { TariffAssignmentResolver } from './assignments/tariff-assignment.resolver';
import { TariffAssignmentService } from './assignments/tariff-assignment.service';
import {
  TariffAssignmentDocument,
  TariffAssignmentSchema,
} from './assignments/schemas/tariff-assignment.schema';
import { PricingQueryService } from './estimate/pricing-query.service';
import { UserGroupDocument, UserGroupSchema } from './groups/schemas/user-group.schema';
import { UserGroupRepository } from './groups/user-group.repository';
import { UserGroupResolver } from './groups/user-group.resolver';
import { UserGroupService } from './groups/user-group.service';
import { TariffResolutionResolver } from './resolution/tariff-resolution.resolver';
import { TariffResolutionService } from './resolution/tariff-resolution.service';
import { PricingSettingsRepository } from './settings/pricing-settings.repository';
import { PricingSettingsResolver } from './settings/pricing-settings.resolver';
import { PricingSettingsService } from './settings/pricing-settings.service';
import { PricingSettingsDocument, PricingSettingsSchema } from './settings/schemas/pricing-settings.schema';
import { TariffDocument, TariffSchema } from './tariffs/schemas/tariff.schema';
import { TariffRepository } from './tariffs/tariff.repository';
import { TariffResolver } from './tariffs/tariff.resolver';
import { TariffService } from './tariffs/tariff.service';

/** Tariffs, user groups, assignments and resolution; the engine itself is plain functions (see index.ts). */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: TariffDocument.name, schema: TariffSchema },
      { name: TariffAssignmentDocument.name, schema: TariffAssignmentSchema },
      { name: UserGroupDocument.name, schema: UserGroupSchema },
      { name: PricingSettingsDocument.name, schema: PricingSettingsSchema },
    ]),
  ],
  providers: [
    TariffRepository,
    TariffService,
    TariffResolver,
    TariffAssignmentRepository,
    TariffAssignmentService,
    TariffAssignmentResolver,
    UserGroupRepository,
    UserGroupService,
    UserGroupResolver,
    PricingSettingsRepository,
    PricingSettingsService,
    PricingSettingsResolver,
    TariffResolutionService,
    PricingQueryService,
    TariffResolutionResolver,
  ],
  exports: [TariffResolutionService, TariffService, PricingSettingsService],
})
export class PricingModule {}
