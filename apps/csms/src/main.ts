import 'reflect-metadata';
import { ConfigError, loadConfig } from '@csms/common';
import { existsSync } from 'node:fs';
import { startServer } from './bootstrap';

async function main(): Promise<void> {
  // Variables already in the environment win over the file.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await startServer(config);
  process.stdout.write(`CSMS listening on ${await app.getUrl()}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
