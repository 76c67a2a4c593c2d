import { SiteRoleLookup } from '@csms/auth';
import { TariffLocationDirectory } from '@csms/pricing';
import { RegistrationTokenVerifier, SiteAreaDirectory, SiteAreaSupply } from '@csms/stations';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CompanyRepository } from './companies/company.repository';
import { CompanyResolver } from './companies/company.resolver';
import { CompanyService } from './companies/company.service';
import { CompanyDocument, CompanySchema } from './companies/schemas/company.schema';
import { SiteAreaLimitResolver } from './limits/site-area-limit.resolver';
import { SiteAreaLimitService } from './limits/site-area-limit.service';
import { SiteAreaSupplyService } from './limits/site-area-supply.service';
import { NearbyStationsResolver } from './placement/nearby-stations.resolver';
import { NearbyStationsService } from './placement/nearby-stations.service';
import { SiteAreaDirectoryService } from './placement/site-area-directory.service';
import { TariffLocationService } from './pricing/tariff-location.service';
import { StationAssignmentService } from './placement/station-assignment.service';
import { StationPlacementResolver } from './placement/station-placement.resolver';
import { RegistrationTokenRepository } from './registration-tokens/registration-token.repository';
import { RegistrationTokenResolver } from './registration-tokens/registration-token.resolver';
import { RegistrationTokenService } from './registration-tokens/registration-token.service';
import { RegistrationTokenVerifierService } from './registration-tokens/registration-token.verifier';
import {
  RegistrationTokenDocument,
  RegistrationTokenSchema,
} from './registration-tokens/schemas/registration-token.schema';
import { OrganizationDirectory } from './directory/organization-directory';
import { OrganizationLoaderFactory } from './shared/organization-loaders';
import { SiteAreaDocument, SiteAreaSchema } from './site-areas/schemas/site-area.schema';
import { SiteAreaRepository } from './site-areas/site-area.repository';
import { SiteAreaResolver } from './site-areas/site-area.resolver';
import { SiteAreaService } from './site-areas/site-area.service';
import { SiteUserDocument, SiteUserSchema } from './site-users/schemas/site-user.schema';
import { SiteRoleLookupService } from './site-users/site-role-lookup.service';
import { SiteUserRepository } from './site-users/site-user.repository';
import { SiteUserResolver } from './site-users/site-user.resolver';
import { SiteUserService } from './site-users/site-user.service';
import { SiteDocument, SiteSchema } from './sites/schemas/site.schema';
import { SiteRepository } from './sites/site.repository';
import { SiteResolver } from './sites/site.resolver';
import { SiteService } from './sites/site.service';

/**
 * Companies → sites → site areas → charging stations, site admins and owners, registration tokens.
 * Global because it implements ports other modules look up: SiteRoleLookup (auth, read with each
 * principal), SiteAreaDirectory and RegistrationTokenVerifier (stations), TariffLocationDirectory (pricing); it imports none of them.
 * SiteService is exported for readers of sites (roaming publishes public sites as locations).
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CompanyDocument.name, schema: CompanySchema },
      { name: SiteDocument.name, schema: SiteSchema },
      { name: SiteAreaDocument.name, schema: SiteAreaSchema },
      { name: SiteUserDocument.name, schema: SiteUserSchema },
      { name: RegistrationTokenDocument.name, schema: RegistrationTokenSchema },
    ]),
  ],
  providers: [
    CompanyRepository,
    CompanyService,
    CompanyResolver,
    SiteRepository,
    SiteService,
    SiteResolver,
    SiteAreaRepository,
    SiteAreaService,
    SiteAreaResolver,
    SiteUserRepository,
    SiteUserService,
    SiteUserResolver,
    RegistrationTokenRepository,
    RegistrationTokenService,
    RegistrationTokenResolver,
    OrganizationLoaderFactory,
    StationAssignmentService,
    StationPlacementResolver,
    NearbyStationsService,
    NearbyStationsResolver,
    SiteAreaLimitService,
    SiteAreaLimitResolver,
    OrganizationDirectory,
    { provide: SiteRoleLookup, useClass: SiteRoleLookupService },
    { provide: SiteAreaDirectory, useClass: SiteAreaDirectoryService },
    { provide: SiteAreaSupply, useClass: SiteAreaSupplyService },
    { provide: TariffLocationDirectory, useClass: TariffLocationService },
    { provide: RegistrationTokenVerifier, useClass: RegistrationTokenVerifierService },
  ],
  exports: [
    OrganizationDirectory,
    SiteRoleLookup,
    SiteAreaDirectory,
    SiteAreaSupply,
    RegistrationTokenVerifier,
    SiteService,
    TariffLocationDirectory,
    SiteAreaService,
  ],
})
export class OrganizationsModule {}
