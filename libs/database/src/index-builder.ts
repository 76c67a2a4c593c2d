import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { CreateIndexesOptions, IndexSpecification } from 'mongodb';
import { Connection, IndexDefinition, IndexOptions } from 'mongoose';

type SchemaIndex = [IndexDefinition, IndexOptions];

/** Mongoose allows `unique: [true, message]`; the driver wants a boolean. */
function isUnique(options: IndexOptions | undefined): boolean {
  return Array.isArray(options?.unique) ? options.unique[0] : options?.unique === true;
}

function driverOptions(options: IndexOptions): CreateIndexesOptions {
  return { ...options, unique: isUnique(options) };
}

/**
 * The indexes worth building on this server. On FerretDB (as scripts/ferretdb-patches.js builds it)
 * an index serves only _id and plain string equalities, and every index key is computed from the
 * document's JSON on each write: with the message log's and the curve's indexes, ingest took twice
 * the database time. Only unique indexes are kept there; they enforce rules and serve the lookups
 * by identity (station, tag, a station's sessions).
 */
export function indexesToBuild(indexes: SchemaIndex[], ferretDb: boolean): SchemaIndex[] {
  return ferretDb ? indexes.filter(([, options]) => isUnique(options)) : indexes;
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
