import * as fs from 'node:fs';
import * as path from 'node:path';

export type EmbeddedDatabaseKind = 'mongod' | 'ferretdb';

export interface DatabaseBinary {
  kind: EmbeddedDatabaseKind;
  path: string;
}

export interface ResolveBinaryOptions {
  env?: NodeJS.ProcessEnv;
  /** Directories whose ancestors are searched for `.tools/bin/ferretdb` (this file's folder, cwd). */
  searchFrom?: string[];
  isExecutable?: (file: string) => boolean;
}

export const FERRETDB_TOOL_PATH = path.join('.tools', 'bin', 'ferretdb');

export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  isExecutable = isExecutableFile,
): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Looks for `.tools/bin/ferretdb` in each start directory and its ancestors (source tree or dist/). */
export function findToolBinary(
  searchFrom: string[],
  isExecutable = isExecutableFile,
  relative = FERRETDB_TOOL_PATH,
): string | undefined {
  for (const start of searchFrom) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, relative);
      if (isExecutable(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

/**
 * Order: MONGOD_BINARY, FERRETDB_BINARY (an explicit choice wins), then a mongod on PATH (the real thing
 * beats an emulation), then `.tools/bin/ferretdb`, then a ferretdb on PATH.
 */
export function resolveDatabaseBinary(options: ResolveBinaryOptions = {}): DatabaseBinary | undefined {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const searchFrom = options.searchFrom ?? [__dirname, process.cwd()];

  for (const [variable, kind] of [
    ['MONGOD_BINARY', 'mongod'],
    ['FERRETDB_BINARY', 'ferretdb'],
  ] as const) {
    const file = env[variable];
    if (!file) continue;
    if (!isExecutable(file)) throw new Error(`${variable}=${file} is not an executable file`);
    return { kind, path: file };
  }
  const mongod = findOnPath('mongod', env, isExecutable);
  if (mongod) return { kind: 'mongod', path: mongod };
  const ferret = findToolBinary(searchFrom, isExecutable) ?? findOnPath('ferretdb', env, isExecutable);
  return ferret ? { kind: 'ferretdb', path: ferret } : undefined;
}

export const NO_DATABASE_BINARY_MESSAGE =
  'No database server available for the embedded database. Either install MongoDB (mongod on PATH, ' +
  'or MONGOD_BINARY=/path/to/mongod), or build FerretDB with `node scripts/install-ferretdb.js` ' +
  '(needs Go; or FERRETDB_BINARY=/path/to/ferretdb), or set MONGODB_URI to an existing server.';
