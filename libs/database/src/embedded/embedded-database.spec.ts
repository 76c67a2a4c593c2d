import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { mongo } from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedDatabase } from './embedded-database';
import { EmbeddedDatabaseSupervisor, SupervisionEvent } from './embedded-database.supervisor';
import { findFreePort } from './free-port';
import { OutputTail } from './output-tail';
import {
  DatabaseBinary,
  findOnPath,
  findToolBinary,
  isExecutableFile,
  resolveDatabaseBinary,
} from './resolve-binary';
import { isProcessAlive, readRunningServer } from './running-server';
import { FERRETDB_PATCH_LEVEL_FILE, checkpointsInBackground, serverLayout } from './server-args';

const executables =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('findFreePort', () => {
  it('returns a loopback port that can be bound', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('resolveDatabaseBinary', () => {
  const env = { PATH: ['/opt/a', '/usr/bin'].join(path.delimiter) };

  it('prefers MONGOD_BINARY, then FERRETDB_BINARY', () => {
    const isExecutable = executables('/x/mongod', '/x/ferretdb', '/usr/bin/mongod');
    expect(
      resolveDatabaseBinary({ env: { ...env, MONGOD_BINARY: '/x/mongod' }, searchFrom: [], isExecutable }),
    ).toEqual({ kind: 'mongod', path: '/x/mongod' });
    expect(
      resolveDatabaseBinary({
        env: { ...env, FERRETDB_BINARY: '/x/ferretdb' },
        searchFrom: [],
        isExecutable,
      }),
    ).toEqual({ kind: 'ferretdb', path: '/x/ferretdb' });
  });

  it('rejects an explicit path that is not executable', () => {
    expect(() =>
      resolveDatabaseBinary({ env: { MONGOD_BINARY: '/nope' }, searchFrom: [], isExecutable: executables() }),
    ).toThrow('MONGOD_BINARY=/nope');
  });

  it('prefers mongod on PATH over FerretDB in .tools', () => {
    const isExecutable = executables('/usr/bin/mongod', '/repo/.tools/bin/ferretdb');
    expect(resolveDatabaseBinary({ env, searchFrom: ['/repo/libs/database'], isExecutable })).toEqual({
      kind: 'mongod',
      path: '/usr/bin/mongod',
    });
  });

  it('finds .tools/bin/ferretdb in an ancestor of the search directories', () => {
    const isExecutable = executables('/repo/.tools/bin/ferretdb', '/opt/a/ferretdb');
    expect(resolveDatabaseBinary({ env, searchFrom: ['/repo/dist/apps/csms'], isExecutable })).toEqual({
      kind: 'ferretdb',
      path: '/repo/.tools/bin/ferretdb',
    });
  });

  it('falls back to ferretdb on PATH, then to nothing', () => {
    expect(
      resolveDatabaseBinary({ env, searchFrom: ['/repo'], isExecutable: executables('/opt/a/ferretdb') }),
    ).toEqual({ kind: 'ferretdb', path: '/opt/a/ferretdb' });
    expect(
      resolveDatabaseBinary({ env, searchFrom: ['/repo'], isExecutable: executables() }),
    ).toBeUndefined();
  });

  it('checks real files for executability', () => {
    expect(isExecutableFile(process.execPath)).toBe(true);
    expect(isExecutableFile(os.tmpdir())).toBe(false);
    expect(findOnPath('definitely-not-a-binary-csms', { PATH: '/usr/bin' })).toBeUndefined();
  });
});

describe('serverLayout', () => {
  it('keeps FerretDB offline and its files inside the data dir', () => {
    const { dirs, args } = serverLayout('ferretdb', '/data', 27100);
    expect(dirs).toEqual(['/data/ferretdb', '/data/ferretdb-state']);
    expect(args).toEqual(
      expect.arrayContaining([
        '--handler=sqlite',
        '--sqlite-url=file:///data/ferretdb/?_pragma=synchronous(normal)&_pragma=mmap_size(268435456)&_pragma=journal_size_limit(67108864)',
        '--listen-addr=127.0.0.1:27100',
        '--state-dir=/data/ferretdb-state',
        '--telemetry=disable',
        '--debug-addr=-',
      ]),
    );
  });

  it('turns automatic WAL checkpoints off only for a build that checkpoints in the background', () => {
    const urlOf = (backgroundCheckpoints: boolean) =>
      serverLayout('ferretdb', '/data', 27100, { backgroundCheckpoints }).args.find((arg) =>
        arg.startsWith('--sqlite-url='),
      );
    expect(urlOf(true)).toContain('&_pragma=wal_autocheckpoint(0)');
    expect(urlOf(false)).not.toContain('wal_autocheckpoint');
  });

  it('knows our FerretDB build from the patch level written beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-ferretdb-stamp-'));
    const binary: DatabaseBinary = { kind: 'ferretdb', path: path.join(dir, 'ferretdb') };
    try {
      expect(checkpointsInBackground(binary)).toBe(false);
      fs.writeFileSync(path.join(dir, FERRETDB_PATCH_LEVEL_FILE), 'csms-8\n');
      expect(checkpointsInBackground(binary)).toBe(false);
      fs.writeFileSync(path.join(dir, FERRETDB_PATCH_LEVEL_FILE), 'csms-9\n');
      expect(checkpointsInBackground(binary)).toBe(true);
      fs.writeFileSync(path.join(dir, FERRETDB_PATCH_LEVEL_FILE), 'csms-12\n');
      expect(checkpointsInBackground(binary)).toBe(true);
      expect(checkpointsInBackground({ kind: 'mongod', path: binary.path })).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds mongod to loopback', () => {
    expect(serverLayout('mongod', '/data', 27100).args).toEqual(
      expect.arrayContaining(['--dbpath', '/data/mongod', '--bind_ip', '127.0.0.1', '--port', '27100']),
    );
  });
});

describe('OutputTail', () => {
  it('keeps the last lines, including an unterminated one', () => {
    const tail = new OutputTail(2);
    tail.push('one\ntwo\nthr');
    tail.push('ee\nfour');
    expect(tail.toString()).toBe('two\nthree\nfour');
  });
});

function realBinary(): DatabaseBinary {
  const ferret = process.env.FERRETDB_BINARY ?? findToolBinary([__dirname]) ?? findOnPath('ferretdb');
  const binary = ferret ? { kind: 'ferretdb' as const, path: ferret } : resolveDatabaseBinary();
  if (!binary) throw new Error('Run `node scripts/install-ferretdb.js` (needs Go) or install mongod');
  return binary;
}

describe('EmbeddedDatabase (real server)', () => {
  let dataDir: string;
  let db: EmbeddedDatabase | undefined;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-embedded-'));
  });

  afterAll(async () => {
    await db?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps data across restarts on the same data dir', async () => {
    const binary = realBinary();
    db = await EmbeddedDatabase.start({ dataDir, binary });
    expect(db.kind).toBe(binary.kind);
    expect(db.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    await withClient(db.uri, (client) =>
      client.db('csms_spec').collection('things').insertOne({ name: 'kept' }),
    );
    const pid = db.pid;
    await db.stop();
    expect(() => process.kill(pid!, 0)).toThrow();

    db = await EmbeddedDatabase.start({ dataDir, binary });
    const found = await withClient(db.uri, (client) =>
      client.db('csms_spec').collection('things').findOne({ name: 'kept' }),
    );
    expect(found?.name).toBe('kept');
  }, 120_000);

  it('reports the server output when start-up fails', async () => {
    const binary = realBinary();
    const sockets = new Set<net.Socket>();
    const blocker = net.createServer((socket) => sockets.add(socket));
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(
        EmbeddedDatabase.start({ dataDir: path.join(dataDir, 'busy'), binary, port, startTimeoutMs: 20_000 }),
      ).rejects.toThrow(/Embedded (mongod|ferretdb) on port \d+ exited during start-up[^]*Last output/);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);
});

async function withClient<T>(uri: string, use: (client: mongo.MongoClient) => Promise<T>): Promise<T> {
  const client = new mongo.MongoClient(uri, { directConnection: true });
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

describe('EmbeddedDatabaseSupervisor (real server)', () => {
  let dataDir: string;
  let supervisor: EmbeddedDatabaseSupervisor | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-supervised-'));
  });

  afterEach(async () => {
    await supervisor?.stop();
    supervisor = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a killed server on the same port and data, with a back-off while restarts fail', async () => {
    const events: SupervisionEvent[] = [];
    supervisor = await EmbeddedDatabaseSupervisor.start({
      dataDir,
      binary: realBinary(),
      startTimeoutMs: 20_000,
      backoff: { initialMs: 100, maxMs: 400, stableMs: 60_000 },
      onEvent: (event) => events.push(event),
    });
    const { uri, pid } = supervisor;
    await withClient(uri, (client) =>
      client.db('csms_spec').collection('things').insertOne({ name: 'kept' }),
    );
    expect(readRunningServer(dataDir)).toMatchObject({ pid, port: Number(new URL(uri).port) });

    // Someone takes the port while the server is down: restarts fail until it is free again.
    const port = Number(new URL(uri).port);
    const sockets = new Set<net.Socket>();
    const squatter = net.createServer((socket) => sockets.add(socket));
    process.kill(pid!, 'SIGKILL');
    while (isProcessAlive(pid!)) await sleep(20);
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    while (!events.some((event) => event.type === 'restart-failed')) await sleep(20);
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => squatter.close(resolve));
    while (!events.some((event) => event.type === 'restarted')) await sleep(20);

    expect(events.map((event) => event.type)).toEqual([
      'died',
      ...events.slice(1, -1).map(() => 'restart-failed'),
      'restarted',
    ]);
    expect(events[0]).toMatchObject({ type: 'died', exit: { unexpected: true, how: 'SIGKILL' } });
    const waits = events.flatMap((event) => ('restartInMs' in event ? [event.restartInMs] : []));
    expect(waits[0]).toBe(100);
    expect(waits.slice(1)).toEqual(waits.slice(1).map((_, index) => Math.min(400, 200 * 2 ** index)));
    expect(supervisor.uri).toBe(uri);
    expect(supervisor.pid).not.toBe(pid);
    const found = await withClient(uri, (client) =>
      client.db('csms_spec').collection('things').findOne({ name: 'kept' }),
    );
    expect(found?.name).toBe('kept');
  }, 120_000);

  it('stops a server left running on the data by a process that was killed, before starting its own', async () => {
    const binary = realBinary();
    const leftover = await EmbeddedDatabase.start({ dataDir, binary });
    await withClient(leftover.uri, (client) =>
      client.db('csms_spec').collection('things').insertOne({ name: 'kept' }),
    );
    // As if its parent had been killed: the record stays, and a new supervisor starts on the data.
    supervisor = await EmbeddedDatabaseSupervisor.start({ dataDir, binary, onEvent: () => undefined });
    expect(await leftover.exited).toMatchObject({ unexpected: true });
    expect(isProcessAlive(leftover.pid!)).toBe(false);
    expect(readRunningServer(dataDir)?.pid).toBe(supervisor.pid);
    const found = await withClient(supervisor.uri, (client) =>
      client.db('csms_spec').collection('things').findOne({ name: 'kept' }),
    );
    expect(found?.name).toBe('kept');
  }, 120_000);
});
