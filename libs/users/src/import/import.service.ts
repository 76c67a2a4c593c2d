import { AppAbility, Principal, Role } from '@csms/auth';
import { BadInputError, DomainError } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { CreateTagInput } from '../tags/dto/create-tag.input';
import { TagService } from '../tags/tag.service';
import { CreateUserInput } from '../users/dto/create-user.input';
import { UserRepository } from '../users/user.repository';
import { UserService } from '../users/user.service';
import { CsvRecord, parseCsv } from './csv';
import { ImportReport } from './models/import-report.model';

const MAX_ROWS = 5000;
const MAX_CSV_LENGTH = 2_000_000;

/**
 * CSV import of users and badges: every row goes through the same validation and ability checks as
 * createUser / createTag, and the report says which rows were refused and why.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly users: UserService,
    private readonly userRepository: UserRepository,
    private readonly tags: TagService,
  ) {}

  /** Columns: email (required), firstName, lastName, role (default BASIC), locale, phone, password (else random: use the reset flow). */
  importUsers(principal: Principal, ability: AppAbility, csv: string): Promise<ImportReport> {
    return this.importRows(csv, ['email'], async (values) => {
      const input = await validated(CreateUserInput, {
        email: values.email,
        password: values.password || randomPassword(),
        role: values.role ? values.role.toUpperCase() : Role.BASIC,
        firstName: values.firstname || undefined,
        lastName: values.lastname || undefined,
        locale: values.locale || undefined,
        phone: values.phone || undefined,
      });
      await this.users.createFor(principal, ability, input);
    });
  }

  /** Columns: id (required), userEmail, active (true/false), description, expiresAt (ISO-8601), default (true/false). */
  importTags(principal: Principal, ability: AppAbility, csv: string): Promise<ImportReport> {
    return this.importRows(csv, ['id'], async (values) => {
      let userId: string | undefined;
      if (values.useremail) {
        const owner = await this.userRepository.findCredentials(principal.tenantId, values.useremail);
        if (!owner) throw new BadInputError(`no user with email ${values.useremail}`);
        userId = owner.user.id;
      }
      const input = await validated(CreateTagInput, {
        id: values.id,
        userId,
        active: values.active ? parseBoolean(values.active, 'active') : true,
        description: values.description || undefined,
        expiresAt: values.expiresat ? parseDate(values.expiresat) : undefined,
        default: values.default ? parseBoolean(values.default, 'default') : false,
      });
      await this.tags.createFor(principal, ability, input);
    });
  }

  private async importRows(
    csv: string,
    required: string[],
    importRow: (values: Record<string, string>) => Promise<void>,
  ): Promise<ImportReport> {
    if (csv.length > MAX_CSV_LENGTH)
      throw new BadInputError(`At most ${MAX_CSV_LENGTH} characters per import`);
    const { header, records } = parseCsv(csv);
    const missing = required.filter((column) => !header.includes(column.toLowerCase()));
    if (missing.length)
      throw new BadInputError(`The CSV header lacks: ${missing.join(', ')}`, { field: 'csv' });
    if (records.length > MAX_ROWS)
      throw new BadInputError(`At most ${MAX_ROWS} rows per import`, { field: 'csv' });
    const report: ImportReport = { created: 0, refused: [] };
    for (const record of records) {
      try {
        await importRow(record.values);
        report.created += 1;
      } catch (error) {
        report.refused.push({ line: record.line, reason: reasonOf(error, record) });
      }
    }
    return report;
  }
}

async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance);
  if (errors.length) throw new BadInputError(messagesOf(errors).join('; '));
  return instance;
}

function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

function reasonOf(error: unknown, record: CsvRecord): string {
  if (error instanceof DomainError) return error.message;
  return `line ${record.line} could not be imported`;
}

function parseBoolean(value: string, column: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new BadInputError(`${column} must be true or false`);
}

function parseDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new BadInputError('expiresAt must be an ISO-8601 date');
  return date;
}

/** Meets the password policy; the user sets their own through the password reset flow. */
function randomPassword(): string {
  return `${randomBytes(18).toString('base64url')}aA1!`;
}
