import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLog } from './audit-log';
import { AuditLogExport, AuditLogExportResolver } from './audit-log.export';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditedMutations } from './capture/audited-mutations';
import { AuditEntryDocument, AuditEntrySchema } from './schemas/audit-entry.schema';

/**
 * The audit log: every GraphQL mutation through AuditedMutations (given to the GraphQL module's
 * transformSchema), explicit entries through AuditLog (logins, password resets), the `auditLog`
 * query and its CSV export. Global, so that any module may record through AuditLog.
 */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryDocument.name, schema: AuditEntrySchema }])],
  providers: [
    AuditEntryRepository,
    AuditLog,
    AuditedMutations,
    AuditLogResolver,
    AuditLogExport,
    AuditLogExportResolver,
  ],
  exports: [AuditEntryRepository, AuditLog, AuditedMutations],
})
export class AuditModule {}
