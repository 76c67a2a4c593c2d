import { AppAbility, Principal, SubjectType } from '@csms/auth';
import { TenantId } from '@csms/common';

/** One CSV cell: text as it is, numbers as JavaScript prints them, dates in ISO 8601 UTC, nothing empty. */
export type ExportCell = string | number | boolean | Date | null | undefined;

/** Who asked for an export: rows are what this caller may list. */
export interface ExportScope {
  tenantId: TenantId;
  principal: Principal;
  ability: AppAbility;
}

/**
 * A kind of CSV export, provided by the module that owns the data and registered with
 * ExportRegistry. Adding one (the audit log, roaming CDRs) is: implement this, register it at
 * module init, and add an `export…` mutation that calls ExportService.start with its name.
 */
export interface ExportKind<TFilter = unknown> {
  /** Stable name, stored with the export job: `sessions`, `charging-stations`… */
  name: string;
  /** The caller must be allowed to `list` this subject; rows are narrowed to what it may list. */
  subject: SubjectType;
  columns: readonly string[];
  /** How many rows the export will have, for progress (an estimate is fine). */
  count(scope: ExportScope, filter: TFilter): Promise<number>;
  /** The rows, streamed from a database cursor: never all in memory. */
  rows(scope: ExportScope, filter: TFilter): AsyncIterable<ExportCell[]>;
}
