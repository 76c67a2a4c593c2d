import { GroupCommit } from '@csms/common';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { OcpiMessageRecord, OcpiMessageRepository } from './ocpi-message.repository';

/**
 * The OCPI request/response log, group-committed (one bulk insert per batch) off the request's path.
 * Diagnostic: a batch the database refuses is reported and dropped.
 */
@Injectable()
export class OcpiMessageLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OcpiMessageLog.name);
  private readonly commits: GroupCommit<OcpiMessageRecord>;

  constructor(repository: OcpiMessageRepository) {
    this.commits = new GroupCommit({ maxItems: 200, maxDelayMs: 200, inFlight: 1 }, (records) =>
      repository.insertBatch(records),
    );
  }

  record(record: OcpiMessageRecord): void {
    this.commits
      .add([record])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'OCPI message log: a batch was lost'));
  }

  /** Writes what is queued (tests read the log right after a request; shutdown keeps the tail). */
  flush(): Promise<void> {
    return this.commits.drain();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
