export * from './companies/models/company.model';
export * from './geo/geo-math';
export * from './organizations.module';
export * from './registration-tokens/models/registration-token.model';
export * from './registration-tokens/models/station-urls.model';
export * from './site-areas/models/site-area.model';
export * from './site-users/models/site-user-role';
export * from './sites/models/site.model';
