import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { CreateIndexesOptions, IndexSpecification } from 'mongodb';
import { Connection, IndexDefinition, IndexOptions } from 'mongoose';

type SchemaIndex = [IndexDefinition, IndexOptions];

/**
 * The index option that keeps a secondary index on FerretDB too: for a lookup that would otherwise
 * read the whole collection, at a time when many run at once (see indexesToBuild).
 */
export const ALSO_ON_FERRETDB = 'alsoOnFerretDb';

/** Schema index options that keep the index on FerretDB too (`schema.index(fields, alsoOnFerretDb())`). */
export function alsoOnFerretDb(options: IndexOptions = {}): IndexOptions {
  return { ...options, [ALSO_ON_FERRETDB]: true } as IndexOptions;
}

/** Mongoose allows `unique: [true, message]`; the driver wants a boolean. */
function isUnique(options: IndexOptions | undefined): boolean {
  return Array.isArray(options?.unique) ? options.unique[0] : options?.unique === true;
}

/** What the driver is asked to build: our marker stays here (MongoDB refuses unknown index options). */
export function driverOptions(options: IndexOptions): CreateIndexesOptions {
  const { [ALSO_ON_FERRETDB]: _ours, ...driver } = options as IndexOptions & Record<string, unknown>;
  return { ...driver, unique: isUnique(options) };
}

/**
 * The indexes worth building on this server. On FerretDB (as scripts/ferretdb-patches.js builds it)
 * an index serves only _id and plain string equalities, and every index key is computed from the
 * document's JSON on each write: with the message log's and the curve's indexes, ingest took twice
 * the database time. Only unique indexes are kept there, which enforce rules and serve the lookups
 * by identity (station, tag, a station's sessions), and those marked ALSO_ON_FERRETDB: without one,
 * a filter on its fields reads and decodes the whole collection (a session's last curve point took
 * 0.7 s among 20,000 points, and 200 stations resuming their sessions after a restart asked at once).
 */
export function indexesToBuild(indexes: SchemaIndex[], ferretDb: boolean): SchemaIndex[] {
  return ferretDb
    ? indexes.filter(
        ([, options]) =>
          isUnique(options) || (options as Record<string, unknown>)?.[ALSO_ON_FERRETDB] === true,
      )
    : indexes;
}

/** Builds the schemas' indexes at start-up, before the server takes traffic. */
@Injectable()
export class IndexBuilder implements OnModuleInit {
  private readonly logger = new Logger(IndexBuilder.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    const ferretDb = await this.isFerretDb();
    let built = 0;
    for (const model of Object.values(this.connection.models)) {
      for (const [fields, options] of indexesToBuild(model.schema.indexes(), ferretDb)) {
        await model.collection.createIndex(fields as IndexSpecification, driverOptions(options));
        built++;
      }
    }
    this.logger.log(`${built} indexes ensured${ferretDb ? ' (FerretDB: unique ones only)' : ''}`);
  }

  private async isFerretDb(): Promise<boolean> {
    const info = await this.connection.db?.admin().command({ buildInfo: 1 });
    return typeof info?.ferretdbVersion === 'string';
  }
}
