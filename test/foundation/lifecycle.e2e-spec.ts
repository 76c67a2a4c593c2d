import { EmbeddedDatabase } from '@csms/database';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { productionNodeFlags } from '../../scripts/production-node-flags';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { START_TIMEOUT_MS } from '../support/server-process';
import { startTestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '../..');

/** Compiles and runs the server's entry point with ts-node, as slow as a server start under load. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/csms/src/main.ts'],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('foundation: lifecycle', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'csms-lifecycle-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts production (npm run start:prod) with Node flags this Node accepts', async () => {
    const flags = productionNodeFlags();
    expect(flags).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
    // A flag Node does not know makes it exit (9, bad option) before running anything.
    const probe = ['-p', 'JSON.stringify(process.execArgv)'];
    const { stdout } = await promisify(execFile)(process.execPath, [...flags, ...probe]);
    expect(JSON.parse(stdout)).toEqual([...flags, ...probe]);
  });

  it('starts its own embedded database in DATA_DIR and keeps data across restarts', async () => {
    const env = { MONGODB_URI: '', DATA_DIR: dataDir };
    const first = await startTestApp('unused', env);
    const admin = await loginAsAdmin(first.httpUrl);
    await admin.data(
      'mutation { createUser(input: { email: "kept@example.com", password: "Kept-1234", role: BASIC }) { id } }',
    );
    await first.close();

    const second = await startTestApp('unused', env);
    try {
      const kept = await new GraphQLClient(second.httpUrl).login('kept@example.com', 'Kept-1234');
      expect((await kept.data<{ me: { email: string } }>('{ me { email } }')).me.email).toBe(
        'kept@example.com',
      );
    } finally {
      await second.close();
    }
  });

  it('records the stations still connected as offline when it shuts down', async () => {
    const server = await startTestApp('lifecycle_shutdown');
    const station = await connectStation(server.wsUrl, 'CS-AT-SHUTDOWN');
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    await server.close();
    await station.close();

    const client = await MongoClient.connect(server.config.MONGODB_URI ?? '');
    try {
      const stored = await client
        .db()
        .collection('charging_stations')
        .findOne({ stationId: 'CS-AT-SHUTDOWN' }, { projection: { online: 1, vendor: 1 } });
      expect(stored).toMatchObject({ online: false, vendor: 'V' });
    } finally {
      await client.close();
    }
  });

  it('turns health to 503 when the database stops answering', async () => {
    const database = await EmbeddedDatabase.start({ dataDir: path.join(dataDir, 'health') });
    const server = await startTestApp('unused', {
      MONGODB_URI: new URL('csms_health', database.uri).toString(),
    });
    try {
      expect((await fetch(`${server.httpUrl}/health`)).status).toBe(200);
      await database.stop();
      const response = await fetch(`${server.httpUrl}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'error' });
    } finally {
      await server.close().catch(() => undefined);
      await database.stop();
    }
  });

  it(
    'refuses a bad configuration value at boot, naming it',
    async () => {
      const { code, stderr } = await runMain({ PORT: 'eighty', MONGODB_URI: 'mongodb://127.0.0.1:1/x' });
      expect(code).toBe(78);
      expect(stderr).toMatch(/Invalid configuration:\n\s+- PORT: Expected number/);
    },
    START_TIMEOUT_MS,
  );

  it(
    'refuses development secrets in production',
    async () => {
      const { code, stderr } = await runMain({
        NODE_ENV: 'production',
        MONGODB_URI: 'mongodb://127.0.0.1:1/x',
      });
      expect(code).toBe(78);
      expect(stderr).toMatch(/JWT_SECRET: the development default is refused in production/);
      expect(stderr).toMatch(/ADMIN_PASSWORD: the development default is refused in production/);
      expect(stderr).toMatch(/SECRETS_ENCRYPTION_KEY: the development default is refused in production/);
    },
    START_TIMEOUT_MS,
  );
});
