import { PrincipalLookup } from '@csms/auth';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FirstAdminSeeder } from './first-admin.seeder';
import { TagDocument, TagSchema } from './tags/schemas/tag.schema';
import { TagRepository } from './tags/tag.repository';
import { TagResolver } from './tags/tag.resolver';
import { TagService } from './tags/tag.service';
import { TenantDocument, TenantSchema } from './tenants/schemas/tenant.schema';
import { TenantRepository } from './tenants/tenant.repository';
import { TenantResolver } from './tenants/tenant.resolver';
import { TenantService } from './tenants/tenant.service';
import { LoginResolver } from './users/login.resolver';
import { UserDocument, UserSchema } from './users/schemas/user.schema';
import { UserRepository } from './users/user.repository';
import { UserResolver } from './users/user.resolver';
import { UserService } from './users/user.service';

@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: TenantDocument.name, schema: TenantSchema },
      { name: UserDocument.name, schema: UserSchema },
      { name: TagDocument.name, schema: TagSchema },
    ]),
  ],
  providers: [
    TenantRepository,
    TenantService,
    TenantResolver,
    UserRepository,
    UserService,
    UserResolver,
    LoginResolver,
    TagRepository,
    TagService,
    TagResolver,
    FirstAdminSeeder,
    { provide: PrincipalLookup, useExisting: UserService },
  ],
  exports: [TenantService, UserService, TagService, PrincipalLookup],
})
export class UsersModule {}
