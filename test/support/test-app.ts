import { AppConfig, loadConfig } from '@csms/common';
import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { startServer } from '../../apps/csms/src/bootstrap';
import { uniqueDatabaseUri } from '../setup/test-database';

export const ADMIN = { email: 'admin@example.com', password: 'Admin123!' };

/** What every test server runs with, in this process or its own (ServerProcess); a suite adds to it. */
export const TEST_SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  // Suites log many users in from one IP; the rate-limit suite sets its own, lower limit.
  AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  AUTH_IP_RATE_LIMIT_PER_MINUTE: '10000',
  // The suites' meters, token endpoints and partners are servers on this host.
  OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8,::1',
};

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** e.g. http://127.0.0.1:41234 */
  httpUrl: string;
  /** e.g. ws://127.0.0.1:41234 */
  wsUrl: string;
  close(): Promise<void>;
}

/** Starts the real server on its own fresh database (or `env.MONGODB_URI`) on a free port. */
export async function startTestApp(name: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    ...TEST_SERVER_ENV,
    PORT: '0',
    LOG_LEVEL: 'warn',
    MONGODB_URI: uniqueDatabaseUri(name),
    ...env,
  });
  const app = await startServer(config);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}
