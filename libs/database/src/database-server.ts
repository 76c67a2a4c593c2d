import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { EmbeddedDatabase } from './embedded';

export const DEFAULT_DATABASE_NAME = 'csms';

/** Where the database is: MONGODB_URI when set, otherwise an embedded server this process starts and stops. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private embedded?: EmbeddedDatabase;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async uri(): Promise<string> {
    if (this.config.MONGODB_URI) return this.config.MONGODB_URI;
    const dataDir = path.resolve(this.config.DATA_DIR);
    this.embedded ??= await EmbeddedDatabase.start({ dataDir, logger: (msg) => this.logger.log(msg) });
    this.logger.log(`Embedded ${this.embedded.kind} on ${this.embedded.uri} with data in ${dataDir}`);
    return new URL(DEFAULT_DATABASE_NAME, this.embedded.uri).toString();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = undefined;
  }
}
