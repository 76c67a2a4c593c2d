import { TenantId } from '@csms/common';

/** DI token: the RetentionTarget[] the retention job purges. */
export const RETENTION_TARGETS = Symbol('RETENTION_TARGETS');

/** One kind of log and how long it is kept. */
export interface RetentionTarget {
  /** Reported in the job's counts. */
  name: string;
  /** 0: kept forever. */
  retentionDays: number;
  /** Deletes the tenant's rows older than `before` through the owning module; returns how many. */
  purge(tenantId: TenantId, before: Date): Promise<number>;
}
