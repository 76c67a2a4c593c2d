import { randomBytes } from 'node:crypto';

/** The server started by global setup (or MONGODB_URI). */
export function testServerUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri)
    throw new Error('TEST_MONGODB_URI is not set: run e2e suites through jest (global setup starts it)');
  return uri;
}

/** A URI to a fresh, empty database on the shared test server, so suites never see each other's data. */
export function uniqueDatabaseUri(name: string): string {
  const safe = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24);
  const url = new URL(testServerUri());
  url.pathname = `/csms_${safe}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}
