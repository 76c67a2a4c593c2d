import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ImportService } from './import.service';
import { ImportReport } from './models/import-report.model';

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportReport, {
    description:
      'CSV with a header row: email (required), firstName, lastName, role, locale, phone, password. Without a password, users set theirs with the reset flow.',
  })
  @CheckAbility('create', 'User')
  importUsers(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('csv') csv: string,
  ): Promise<ImportReport> {
    return this.imports.importUsers(principal, ability, csv);
  }

  @Mutation(() => ImportReport, {
    description: 'CSV with a header row: id (required), userEmail, active, description, expiresAt, default',
  })
  @CheckAbility('create', 'Tag')
  importTags(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('csv') csv: string,
  ): Promise<ImportReport> {
    return this.imports.importTags(principal, ability, csv);
  }
}
