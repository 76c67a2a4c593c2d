import { TagsExport, UsersExport, UsersExportResolver } from './exports/users.export';
import { PrincipalLookup } from '@csms/auth';
import { RecipientDirectory } from '@csms/notifications';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FirstAdminSeeder } from './first-admin.seeder';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';
import { TagDocument, TagSchema } from './tags/schemas/tag.schema';
import { TagRepository } from './tags/tag.repository';
import { TagResolver } from './tags/tag.resolver';
import { TagService } from './tags/tag.service';
import { TenantDocument, TenantSchema } from './tenants/schemas/tenant.schema';
import { TenantRepository } from './tenants/tenant.repository';
import { TenantResolver } from './tenants/tenant.resolver';
import { TenantService } from './tenants/tenant.service';
import { AccountRecoveryResolver } from './users/account-recovery.resolver';
import { AuthenticationService } from './users/authentication.service';
import { LoginResolver } from './users/login.resolver';
import { PasswordResetService } from './users/password-reset.service';
import { PrincipalLookupService } from './users/principal-lookup.service';
import { RegistrationService } from './users/registration.service';
import { UserDocument, UserSchema } from './users/schemas/user.schema';
import { UserRecipientDirectory } from './users/user-recipient-directory';
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
    AuthenticationService,
    LoginResolver,
    PasswordResetService,
    RegistrationService,
    AccountRecoveryResolver,
    TagRepository,
    TagService,
    TagResolver,
    ImportService,
    ImportResolver,
    FirstAdminSeeder,
    UsersExport,
    TagsExport,
    UsersExportResolver,
    { provide: PrincipalLookup, useClass: PrincipalLookupService },
    { provide: RecipientDirectory, useClass: UserRecipientDirectory },
  ],
  exports: [TenantService, UserService, TagService, PrincipalLookup, RecipientDirectory],
})
export class UsersModule {}
