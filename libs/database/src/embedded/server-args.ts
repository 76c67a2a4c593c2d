import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseBinary, EmbeddedDatabaseKind } from './resolve-binary';

export interface ServerLayout {
  /** Directories the server writes into; created before spawning. */
  dirs: string[];
  args: string[];
}

/** Written beside the binary by scripts/install-ferretdb.js: the patches it was built with. */
export const FERRETDB_PATCH_LEVEL_FILE = 'ferretdb.patch-level';
/** The first patch level whose FerretDB checkpoints SQLite's WAL in the background. */
const BACKGROUND_CHECKPOINTS_SINCE = 9;

/** Whether this is our FerretDB build that checkpoints in the background (another one must not be told not to). */
export function checkpointsInBackground(binary: DatabaseBinary): boolean {
  if (binary.kind !== 'ferretdb') return false;
  try {
    const stamp = fs.readFileSync(path.join(path.dirname(binary.path), FERRETDB_PATCH_LEVEL_FILE), 'utf8');
    const level = /^csms-(\d+)\s*$/.exec(stamp);
    return level !== null && Number(level[1]) >= BACKGROUND_CHECKPOINTS_SINCE;
  } catch {
    return false;
  }
}

export function serverLayout(
  kind: EmbeddedDatabaseKind,
  dataDir: string,
  port: number,
  options: { backgroundCheckpoints?: boolean } = {},
): ServerLayout {
  if (kind === 'mongod') {
    const dbPath = path.join(dataDir, 'mongod');
    return {
      dirs: [dbPath],
      args: ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'],
    };
  }
  const sqliteDir = path.join(dataDir, 'ferretdb');
  const stateDir = path.join(dataDir, 'ferretdb-state');
  return {
    dirs: [sqliteDir, stateDir],
    args: [
      '--handler=sqlite',
      // A directory URL: FerretDB keeps one SQLite file per database in it, and requires the trailing slash.
      // synchronous=NORMAL in WAL mode: a commit survives a crash of FerretDB or of this machine's
      // processes, only a power loss may drop the last commits (MongoDB's default, journal flushed every
      // 100 ms, makes the same trade). FULL costs one fsync per commit, which caps writes at a few hundred
      // per second and made every write queue behind the disk.
      // wal_autocheckpoint(0), for our FerretDB build only: no commit copies the WAL back into the
      // database file while holding the write lock; the build checkpoints in the background instead
      // (scripts/ferretdb-patches.js). mmap_size: pages are read without a read call each.
      // journal_size_limit: the WAL file is cut back to 64 MiB when it starts over. Without it the
      // file kept the size of the last burst of writes for good (325 MB beside a 136 MB database
      // after 20 s of heavy inserts; 1 GB after a benchmark run), idle or not.
      `--sqlite-url=${pathToFileURL(sqliteDir).href}/?${sqlitePragmas(options.backgroundCheckpoints)}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      // Never reach the internet, never open a second (debug/metrics) listener.
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
  };
}

function sqlitePragmas(backgroundCheckpoints = false): string {
  const pragmas = [
    'synchronous(normal)',
    `mmap_size(${256 * 1024 * 1024})`,
    `journal_size_limit(${64 * 1024 * 1024})`,
  ];
  if (backgroundCheckpoints) pragmas.push('wal_autocheckpoint(0)');
  return pragmas.map((pragma) => `_pragma=${pragma}`).join('&');
}
