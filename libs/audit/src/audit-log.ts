import { GroupCommit, currentOperation } from '@csms/common';
import { newId } from '@csms/database';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AuditRecord, NewAuditEntry } from './audit-entry';
import { AuditEntryRepository } from './audit-entry.repository';
import { redactChanges } from './capture/redact';

/** Attempts at storing a batch before its entries go to the server log instead. */
const ATTEMPTS = 3;
const RETRY_BASE_MS = 100;

function isDuplicateOnly(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: { code?: number }[] } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((e) => e.code === 11000);
}

/**
 * Writes the audit log. Entries of operations running at the same time are group-committed (one
 * insert per batch, as the OCPP message log is), but unlike that log each writer waits until its
 * entry is stored: a mutation answers only once its entry is written, so no entry of a change a
 * client was told about can be lost to a crash. A batch the database refuses is tried again; if it
 * still fails, its entries go to the server log at error level (secrets already redacted) and the
 * operation answers as it would have, since its change is made.
 */
@Injectable()
export class AuditLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditLog.name);
  // No waiting for company: what arrives while two batches are being written forms the next batch.
  private readonly commits = new GroupCommit<AuditRecord>(
    { maxItems: 500, maxDelayMs: 0, inFlight: 2 },
    (batch) => this.store(batch),
  );

  constructor(private readonly entries: AuditEntryRepository) {}

  /** Resolves once the entry is stored (or, failing that, logged); never rejects. */
  async record(entry: NewAuditEntry): Promise<void> {
    const record = this.toRecord(entry);
    try {
      await this.commits.add([record]);
    } catch (error) {
      this.logger.error({ err: error, auditEntry: record }, 'Audit entry could not be stored; kept here');
    }
  }

  /** Batches written and entries in them, for benchmarks. */
  get stats(): Readonly<GroupCommit<AuditRecord>['stats']> {
    return this.commits.stats;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.commits.drain();
  }

  private async store(batch: AuditRecord[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.entries.append(batch);
        return;
      } catch (error) {
        // A retried batch whose first attempt was stored after all: the ids are the writer's own.
        if (attempt > 1 && isDuplicateOnly(error)) return;
        if (attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_MS * 4 ** (attempt - 1)));
      }
    }
  }

  private toRecord({ actor, changes, at, ip, ...entry }: NewAuditEntry): AuditRecord {
    return {
      _id: newId(),
      ...entry,
      at: at ?? new Date(),
      ip: ip ?? currentOperation()?.ip,
      actorType: actor?.type,
      actorId: actor?.id,
      actorLabel: actor?.label,
      actorRole: actor?.role,
      changes: changes && (redactChanges(changes) as Record<string, unknown>),
    };
  }
}
