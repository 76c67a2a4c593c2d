import { AbilityFactory, AppAbility, Principal } from '@csms/auth';
import { APP_CONFIG, AppConfig, ForbiddenError, NotFoundError, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { csvLine } from './csv';
import { ExportJobRepository, StoredExportJob } from './export-job.repository';
import { ExportKind, ExportScope } from './export-kind';
import { ExportLinkSigner } from './export-link.signer';
import { ExportRegistry } from './export-registry';
import { EXPORT_JOB_UPDATED, ExportJobUpdatedEvent } from './export-events';
import { ExportJob, ExportStatus } from './models/export-job.model';

/** Progress is stored and published every this many rows (and at the end). */
const PROGRESS_EVERY_ROWS = 5000;
/** Lines are written in chunks of about this size: fewer writes, bounded memory. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Starts exports (checks the caller may list the kind's subject, counts the rows, returns a signed
 * link) and streams them as CSV when the link is opened: rows from a cursor into the response,
 * waiting whenever the client reads slower than the database gives.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger(ExportService.name);

  constructor(
    private readonly registry: ExportRegistry,
    private readonly jobs: ExportJobRepository,
    private readonly signer: ExportLinkSigner,
    private readonly abilities: AbilityFactory,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start<TFilter>(
    principal: Principal,
    ability: AppAbility,
    kindName: string,
    filter: TFilter,
  ): Promise<ExportJob> {
    const kind = this.kind(kindName);
    if (!ability.can('list', kind.subject)) throw new ForbiddenError(`You may not export ${kind.name}`);
    const totalRows = await kind.count({ tenantId: principal.tenantId, principal, ability }, filter);
    const job = await this.jobs.create(principal.tenantId, {
      kind: kind.name,
      filter: filter ?? undefined,
      principal: { ...principal },
      totalRows,
      expiresAt: this.signer.expiryFromNow(),
    });
    return this.withLink(job);
  }

  /** The caller's own export (anyone else's does not exist for it). */
  async find(principal: Principal, id: string): Promise<ExportJob> {
    const job = await this.jobs.findById(principal.tenantId, id);
    if (!job || job.principal.userId !== principal.userId) throw new NotFoundError('ExportJob', id);
    return this.withLink(job);
  }

  /** The job a verified link names, or null. */
  findForDownload(tenantId: TenantId, id: string): Promise<StoredExportJob | null> {
    return this.jobs.findById(tenantId, id);
  }

  /** Streams the job's rows as CSV into `out`; resolves when all are written or the client left. */
  async stream(job: StoredExportJob, out: Writable): Promise<void> {
    const kind = this.kind(job.kind);
    const principal = job.principal as unknown as Principal;
    const scope: ExportScope = {
      tenantId: job.tenantId as TenantId,
      principal,
      ability: this.abilities.createFor(principal),
    };
    let rows = 0;
    await this.progress(job, ExportStatus.STREAMING, rows);
    try {
      let chunk = csvLine(kind.columns);
      for await (const row of kind.rows(scope, job.filter)) {
        if (out.destroyed) break;
        chunk += csvLine(row);
        rows += 1;
        if (chunk.length >= CHUNK_BYTES) {
          if (!out.write(chunk)) await drained(out);
          chunk = '';
        }
        if (rows % PROGRESS_EVERY_ROWS === 0) void this.progress(job, ExportStatus.STREAMING, rows);
      }
      if (out.destroyed) {
        await this.progress(job, ExportStatus.INTERRUPTED, rows);
        return;
      }
      out.end(chunk);
      await this.progress(job, ExportStatus.COMPLETED, rows);
    } catch (error) {
      this.logger.error({ err: error, exportId: job.id }, 'Export failed');
      await this.progress(job, ExportStatus.FAILED, rows, 'The export failed; ask for it again');
      out.destroy(error as Error);
    }
  }

  private kind(name: string): ExportKind {
    const kind = this.registry.get(name);
    if (!kind) throw new NotFoundError('ExportKind', name);
    return kind;
  }

  private async progress(
    job: StoredExportJob,
    status: ExportStatus,
    rowsWritten: number,
    error?: string,
  ): Promise<void> {
    const updated = await this.jobs
      .progress(job.tenantId as TenantId, job.id, { status, rowsWritten, ...(error ? { error } : {}) })
      .catch(() => null);
    if (!updated) return;
    const event: ExportJobUpdatedEvent = domainEvent(
      EXPORT_JOB_UPDATED,
      job.tenantId as TenantId,
      this.withLink(updated),
    );
    await this.events.publish(event).catch(() => undefined);
  }

  private withLink(job: StoredExportJob): ExportJob {
    const path = this.signer.pathOf(job.tenantId, job.id, job.expiresAt);
    const base = this.config.PUBLIC_URL?.replace(/\/$/, '');
    return { ...job, downloadUrl: base ? `${base}${path}` : path };
  }
}

async function drained(out: Writable): Promise<void> {
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
}
