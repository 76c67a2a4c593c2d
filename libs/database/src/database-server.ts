import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { EmbeddedDatabaseSupervisor, SupervisionEvent } from './embedded';

export const DEFAULT_DATABASE_NAME = 'csms';

/**
 * Where the database is: MONGODB_URI when set (the driver reconnects by itself when it comes back),
 * otherwise an embedded server this process starts, restarts on the same data whenever it dies,
 * and stops.
 */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private embedded?: EmbeddedDatabaseSupervisor;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async uri(): Promise<string> {
    if (this.config.MONGODB_URI) return this.config.MONGODB_URI;
    const dataDir = path.resolve(this.config.DATA_DIR);
    this.embedded ??= await EmbeddedDatabaseSupervisor.start({
      dataDir,
      logger: (msg) => this.logger.log(msg),
      warn: (msg) => this.logger.warn(msg),
      onEvent: (event) => this.onSupervisionEvent(event),
    });
    this.logger.log(`Embedded ${this.embedded.kind} on ${this.embedded.uri} with data in ${dataDir}`);
    return new URL(DEFAULT_DATABASE_NAME, this.embedded.uri).toString();
  }

  /** A database that dies is news for the operator: logged as errors until it is back. */
  private onSupervisionEvent(event: SupervisionEvent): void {
    const kind = this.embedded?.kind ?? 'database';
    switch (event.type) {
      case 'died':
        this.logger.error(
          { exit: event.exit.how, output: event.exit.output },
          `The embedded ${kind} died (${event.exit.how}); restarting it on the same data in ${event.restartInMs} ms`,
        );
        break;
      case 'restart-failed':
        this.logger.error(
          { err: event.error, attempt: event.attempt },
          `The embedded ${kind} could not be restarted (attempt ${event.attempt - 1}); trying again in ${event.restartInMs} ms`,
        );
        break;
      case 'restarted':
        this.logger.warn(
          { databasePid: event.pid, attempts: event.attempts, downMs: event.downMs },
          `The embedded ${kind} is back (pid ${event.pid}) after ${event.downMs} ms; the server reconnects by itself`,
        );
        break;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = undefined;
  }
}
