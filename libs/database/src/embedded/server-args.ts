import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmbeddedDatabaseKind } from './resolve-binary';

export interface ServerLayout {
  /** Directories the server writes into; created before spawning. */
  dirs: string[];
  args: string[];
}

const SQLITE_PRAGMAS = ['synchronous(normal)', 'wal_autocheckpoint(0)', `mmap_size(${256 * 1024 * 1024})`];

export function serverLayout(kind: EmbeddedDatabaseKind, dataDir: string, port: number): ServerLayout {
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
      // wal_autocheckpoint(0): no commit copies the WAL back into the database file; our FerretDB build
      // checkpoints in the background instead (scripts/ferretdb-patches.js). mmap_size: pages are read
      // from the OS page cache without a read call each.
      `--sqlite-url=${pathToFileURL(sqliteDir).href}/?${SQLITE_PRAGMAS.map((pragma) => `_pragma=${pragma}`).join('&')}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${stateDir}`,
      // Never reach the internet, never open a second (debug/metrics) listener.
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
  };
}
