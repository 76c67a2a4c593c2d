import { RPCClient } from 'ocpp-rpc';
import { request } from 'node:https';
import { GraphQLResponse } from '../support/graphql-client';
import { ADMIN, TestApp, startTestApp } from '../support/test-app';
import { Pem, TestPki } from './tls-certificates';

/** GraphQL over HTTPS trusting only the test CA (fetch cannot take a CA). */
function graphqlOverTls(
  url: string,
  ca: Buffer,
  query: string,
  token?: string,
): Promise<GraphQLResponse<Record<string, { token: string }>>> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        ca,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(text) as GraphQLResponse<Record<string, { token: string }>>));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function connect(
  server: TestApp,
  ca: Buffer,
  identity: string,
  options: { password?: string; client?: Pem },
) {
  const station = new RPCClient({
    endpoint: `${server.wsUrl.replace(/^ws:/, 'wss:')}/ocpp/default`,
    identity,
    password: options.password ?? null,
    protocols: ['ocpp1.6'],
    reconnect: false,
    wsOpts: { ca, ...(options.client ? { cert: options.client.cert, key: options.client.key } : {}) },
  } as never);
  await station.connect();
  return station;
}

describe('OCPP security profiles 2 and 3 over TLS', () => {
  let pki: TestPki;
  let server: TestApp;
  let token: string;

  beforeAll(async () => {
    pki = new TestPki();
    const certificate = pki.server();
    server = await startTestApp('tls', {
      TLS_CERT_FILE: certificate.certFile,
      TLS_KEY_FILE: certificate.keyFile,
      TLS_CA_FILE: pki.ca.certFile,
    });
    const login = await graphqlOverTls(
      server.httpUrl.replace(/^http:/, 'https:'),
      pki.ca.cert,
      `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { token } }`,
    );
    token = login.data!.login.token;
    await graphqlOverTls(
      server.httpUrl.replace(/^http:/, 'https:'),
      pki.ca.cert,
      'mutation { createUser(input: { email: "tls-admin@example.com", password: "Tls-Admin-1", role: ADMIN }) { id } }',
      token,
    );
    const admin = await graphqlOverTls(
      server.httpUrl.replace(/^http:/, 'https:'),
      pki.ca.cert,
      'mutation { login(email: "tls-admin@example.com", password: "Tls-Admin-1") { token } }',
    );
    const created = await graphqlOverTls(
      server.httpUrl.replace(/^http:/, 'https:'),
      pki.ca.cert,
      'mutation { createChargingStation(input: { id: "CS-TLS", password: "station-secret-1" }) { id } }',
      admin.data!.login.token,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server?.close();
    // After the server, which was started on the PKI's files.
    pki?.remove();
  });

  it('serves GraphQL over HTTPS', () => {
    expect(token).toMatch(/^ey/);
  });

  it('TC_086_CSMS accepts a station with its Basic-auth password over wss (profile 2)', async () => {
    const station = await connect(server, pki.ca.cert, 'CS-TLS', { password: 'station-secret-1' });
    const boot = await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    expect(boot).toMatchObject({ status: 'Accepted' });
    await station.close();
  });

  it('TC_087_CSMS accepts a station with a client certificate our CA signed for it, without password (profile 3)', async () => {
    const station = await connect(server, pki.ca.cert, 'CS-TLS', { client: pki.client('CS-TLS') });
    expect(await station.call('Heartbeat', {})).toHaveProperty('currentTime');
    await station.close();
  });

  it('refuses a certificate naming another station, and one our CA did not sign', async () => {
    await expect(connect(server, pki.ca.cert, 'CS-TLS', { client: pki.client('CS-OTHER') })).rejects.toThrow(
      /Unauthorized/,
    );
    await expect(connect(server, pki.ca.cert, 'CS-TLS', { client: pki.rogue('CS-TLS') })).rejects.toThrow(
      /Unauthorized/,
    );
    await expect(connect(server, pki.ca.cert, 'CS-TLS', {})).rejects.toThrow(/Unauthorized/);
  });
});
