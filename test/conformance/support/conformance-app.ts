import { TestPki } from '../../ocpp-security/tls-certificates';
import { loginAsAdmin } from '../../support/graphql-client';
import { startTestApp, TestApp } from '../../support/test-app';
import { createTag, createUserAndLogin } from '../../support/users';
import { Operator } from './operator';
import { PeerOptions, StationPeer } from './station-peer';

/** The idTokens the OCTT asks a CSMS to configure before a run. */
export const TOKENS = {
  valid: 'OCTT-VALID',
  invalid: 'OCTT-UNKNOWN',
  blocked: 'OCTT-BLOCKED',
  expired: 'OCTT-EXPIRED',
  /** Two tokens of one group (GroupId). */
  groupA: 'OCTT-GROUP-A',
  groupB: 'OCTT-GROUP-B',
  group: 'OCTT-GROUP',
  masterPass: 'OCTT-MASTER',
  masterPassGroup: 'OCTT-MASTERPASS',
} as const;

export interface ConformanceApp {
  server: TestApp;
  operator: Operator;
  /** A new station peer; every case uses its own station so no case sees another's state. */
  station(id: string, options: PeerOptions): Promise<StationPeer>;
  close(): Promise<void>;
}

/** One app per suite, with the OCTT's configured idTokens. */
export async function startConformanceApp(
  name: string,
  env: Record<string, string> = {},
  /** The server speaks TLS with a certificate of this CA (TLS_CERT_FILE in `env`). */
  ca?: Buffer,
): Promise<ConformanceApp> {
  const server = await startTestApp(name, env);
  try {
    return await withOperator(server, ca);
  } catch (error) {
    await server.close();
    throw error;
  }
}

async function withOperator(server: TestApp, ca: Buffer | undefined): Promise<ConformanceApp> {
  const httpUrl = ca ? server.httpUrl.replace(/^http:/, 'https:') : server.httpUrl;
  // The super admin manages tenants; a tenant admin is the operator of stations and badges.
  const { client: admin } = await createUserAndLogin(await loginAsAdmin(httpUrl, ca), 'ADMIN');
  await Promise.all([
    createTag(admin, { id: TOKENS.valid }),
    createTag(admin, { id: TOKENS.blocked, active: false }),
    createTag(admin, { id: TOKENS.expired, expiresAt: '2020-01-01T00:00:00Z' }),
    createTag(admin, { id: TOKENS.groupA, parentTagId: TOKENS.group }),
    createTag(admin, { id: TOKENS.groupB, parentTagId: TOKENS.group }),
    createTag(admin, { id: TOKENS.masterPass, parentTagId: TOKENS.masterPassGroup }),
  ]);
  const peers: StationPeer[] = [];
  return {
    server,
    operator: new Operator(admin),
    async station(id, options) {
      const peer = await StationPeer.connect(server.wsUrl, id, options);
      peers.push(peer);
      return peer;
    },
    async close() {
      await Promise.all(peers.map((peer) => peer.close().catch(() => undefined)));
      await server.close();
    },
  };
}

export interface SecureConformanceApp extends ConformanceApp {
  pki: TestPki;
  /** TLS options for a station peer: our CA, and its client certificate if it has one. */
  tls(client?: { cert: Buffer; key: Buffer }): Record<string, unknown>;
  /** A station known to the tenant with this password (security profile 2). */
  createStation(id: string, password: string): Promise<void>;
}

/** One app per suite serving TLS, with a CA for station certificates and the CA's key (profiles 2, 3). */
export async function startSecureConformanceApp(
  name: string,
  env: Record<string, string> = {},
): Promise<SecureConformanceApp> {
  const pki = new TestPki();
  const server = pki.server();
  const app = await startConformanceApp(
    name,
    {
      TLS_CERT_FILE: server.certFile,
      TLS_KEY_FILE: server.keyFile,
      TLS_CA_FILE: pki.ca.certFile,
      TLS_CA_KEY_FILE: pki.ca.keyFile,
      ...env,
    },
    pki.ca.cert,
  ).catch((error: unknown) => {
    // An app that failed to start is never closed: its PKI goes now.
    pki.remove();
    throw error;
  });
  return {
    ...app,
    pki,
    async close() {
      await app.close();
      // Only once the server that reads the PKI's files is closed.
      pki.remove();
    },
    tls: (client) => ({ ca: pki.ca.cert, ...client }),
    async createStation(id, password) {
      await app.operator.mutate(
        `createChargingStation(input: { id: ${JSON.stringify(id)}, password: ${JSON.stringify(password)} }) { id }`,
      );
    },
  };
}
