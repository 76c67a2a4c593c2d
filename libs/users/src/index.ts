export * from './tags/models/tag.model';
export * from './tags/tag.service';
export * from './tenants/models/tenant.model';
export * from './tenants/schemas/tenant.schema';
export * from './tenants/tenant.service';
export * from './users/models/user.model';
export * from './users/user.service';
export * from './users.module';
