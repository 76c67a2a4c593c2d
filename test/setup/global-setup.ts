import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedDatabase } from '../../libs/database/src/embedded';

/** Shared between global setup and teardown, which run in the same (parent) jest process. */
export interface E2eGlobalState {
  database?: EmbeddedDatabase;
  dataDir?: string;
}

export const e2eState = globalThis as typeof globalThis & { __csmsE2e?: E2eGlobalState };

// One database server for the whole e2e run; each suite isolates itself with uniqueDatabaseUri().
export default async function globalSetup(): Promise<void> {
  const external = process.env.MONGODB_URI;
  if (external) {
    process.env.TEST_MONGODB_URI = external;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-e2e-'));
  const database = await EmbeddedDatabase.start({ dataDir });
  e2eState.__csmsE2e = { database, dataDir };
  // Workers are forked after global setup and inherit this environment.
  process.env.TEST_MONGODB_URI = database.uri;
}
