import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { RPCClient } from 'ocpp-rpc';
import { postJson } from '../../libs/roaming/src/oicp/client/oicp-http';
import { Pem, TestPki } from '../ocpp-security/tls-certificates';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
} from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { postOicp } from './support/oicp-post';
import { createUserAndLogin, eventually } from '../support/users';

/**
 * Mutual TLS to Hubject, with a throwaway PKI made by openssl: a server standing for Hubject asks for
 * a client certificate of its CA (as Hubject does), and our OICP client verifies Hubject's certificate
 * against the tenant's Hubject CA. Never `rejectUnauthorized: false`, on either side.
 */
/** Hubject's side here listens on loopback: these requests go without the outbound-address guard. */
const UNGUARDED = {};

describe('OICP mutual TLS', () => {
  const hubjectPki = new TestPki();
  const otherPki = new TestPki();
  const serverPem = hubjectPki.server();
  const client = hubjectPki.client('DE*VGC');
  const expired = hubjectPki.expiredClient('DE*VGC');
  let server: Server;
  let url: URL;
  const callers: string[] = [];
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer(
      {
        cert: serverPem.cert,
        key: serverPem.key,
        ca: hubjectPki.ca.cert,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (request, response) => {
        callers.push(String((request.socket as TLSSocket).getPeerCertificate().subject?.CN));
        paths.push(decodeURIComponent(request.url ?? ''));
        request.resume();
        request.on('end', () => {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ Result: true, StatusCode: { Code: '000' } }));
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(
      `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/oicp/evsepush/v23/operators/DE*VGC/data-records`,
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    // Runs after the nested suite's afterAll has closed the app started on hubjectPki's files.
    hubjectPki.remove();
    otherPki.remove();
  });

  it('passes with a client certificate of Hubject’s CA and Hubject’s certificate verified', async () => {
    const answer = await postJson(
      url,
      '{}',
      {
        cert: client.cert.toString(),
        key: client.key.toString(),
        ca: hubjectPki.ca.cert.toString(),
      },
      UNGUARDED,
    );
    expect(answer).toEqual({
      status: 200,
      text: JSON.stringify({ Result: true, StatusCode: { Code: '000' } }),
    });
    expect(callers).toEqual(['DE*VGC']);
  });

  it('refuses a server whose certificate another CA signed', async () => {
    await expect(
      postJson(
        url,
        '{}',
        {
          cert: client.cert.toString(),
          key: client.key.toString(),
          ca: otherPki.ca.cert.toString(),
        },
        UNGUARDED,
      ),
    ).rejects.toThrow(/certificate/i);
  });

  it('trusts the system roots only when no Hubject CA is set: a private CA is refused', async () => {
    await expect(
      postJson(url, '{}', { cert: client.cert.toString(), key: client.key.toString() }, UNGUARDED),
    ).rejects.toThrow(/certificate/i);
  });

  it('is refused by Hubject with an expired client certificate', async () => {
    await expect(
      postJson(
        url,
        '{}',
        {
          cert: expired.cert.toString(),
          key: expired.key.toString(),
          ca: hubjectPki.ca.cert.toString(),
        },
        UNGUARDED,
      ),
    ).rejects.toThrow();
    await expect(postJson(url, '{}', undefined, UNGUARDED)).rejects.toThrow();
    // Only the right certificate ever reached the application.
    expect(callers).toEqual(['DE*VGC']);
  });

  describe('with the CSMS over TLS', () => {
    const hubjectCaller = hubjectPki.client('hubject');
    const rogue = otherPki.client('hubject');
    let app: TestApp;
    let httpsUrl: string;
    let admin: GraphQLClient;
    let station: RPCClient;
    const stationCommands: { action: string; params: Record<string, unknown> }[] = [];

    beforeAll(async () => {
      // The server certificate and the CA whose client certificates it accepts (stations', Hubject's).
      app = await startTestApp('oicp-mtls', {
        TLS_CERT_FILE: serverPem.certFile,
        TLS_KEY_FILE: serverPem.keyFile,
        TLS_CA_FILE: hubjectPki.ca.certFile,
        ROAMING_OUTBOX_POLL_MS: '100',
        OCPP_CALL_TIMEOUT_MS: '5000',
      });
      httpsUrl = app.httpUrl.replace(/^http:/, 'https:');
      admin = (await createUserAndLogin(await loginAsAdmin(httpsUrl, hubjectPki.ca.cert), 'ADMIN')).client;
      const siteId = await createSite(admin, await createCompany(admin, 'TLS Co'), 'Hafen', {
        public: true,
        coordinates: { latitude: 53.54, longitude: 9.98 },
      });
      await admin.data('mutation($input: UpdateSiteInput!) { updateSite(input: $input) { id } }', {
        input: {
          id: siteId,
          address: { street: 'Kai 7', city: 'Hamburg', postalCode: '20457', country: 'DE' },
        },
      });
      await createStationIn(admin, 'TLS-16', await createSiteArea(admin, siteId, 'Pier'));
      const stationPem = hubjectPki.client('TLS-16');
      station = new RPCClient({
        endpoint: `${app.wsUrl.replace(/^ws:/, 'wss:')}/ocpp/default`,
        identity: 'TLS-16',
        protocols: ['ocpp1.6'],
        reconnect: false,
        wsOpts: { ca: hubjectPki.ca.cert, cert: stationPem.cert, key: stationPem.key },
      } as never);
      for (const action of ['RemoteStartTransaction', 'RemoteStopTransaction']) {
        station.handle(action, async ({ params }: { params?: Record<string, unknown> }) => {
          stationCommands.push({ action, params: params ?? {} });
          return { status: 'Accepted' };
        });
      }
      await station.connect();
      await station.call('BootNotification', { chargePointVendor: 'Voltgrid', chargePointModel: 'TLS' });
      await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    });

    afterAll(async () => {
      await station?.close({ force: true });
      await app?.close();
    });

    function settings(extra: Record<string, unknown> = {}) {
      return {
        enabled: true,
        operatorId: 'DE*VGC',
        operatorName: 'Voltgrid CPO',
        hotlinePhoneNumber: '+4940123456',
        baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/oicp`,
        clientCertificatePem: client.cert.toString(),
        clientKeyPem: client.key.toString(),
        caCertificatePem: hubjectPki.ca.cert.toString(),
        ...extra,
      };
    }

    it('stores the client certificate encrypted, shows its expiry and pushes over mutual TLS', async () => {
      const mismatched = await admin.request(
        'mutation($input: SetOicpSettingsInput!) { setOicpSettings(input: $input) { enabled } }',
        { input: settings({ clientKeyPem: expired.key.toString() }) },
      );
      expect(mismatched.errors?.[0]).toMatchObject({
        message: 'clientKeyPem is not the key of clientCertificatePem',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const { setOicpSettings } = await admin.data<{ setOicpSettings: Record<string, unknown> }>(
        'mutation($input: SetOicpSettingsInput!) { setOicpSettings(input: $input) { hasClientCertificate hasCaCertificate certificateSubject certificateExpiresAt certificateExpiresInDays certificateExpiresSoon } }',
        { input: settings() },
      );
      // TestPki's certificates live one day: well inside the 30-day warning.
      expect(setOicpSettings).toMatchObject({
        hasClientCertificate: true,
        hasCaCertificate: true,
        certificateSubject: 'CN=DE*VGC',
        certificateExpiresInDays: 0,
        certificateExpiresSoon: true,
      });
      const stored = await app.app
        .get<Connection>(getConnectionToken())
        .collection('oicp_settings')
        .findOne({});
      expect(stored!.clientKey).not.toContain('PRIVATE KEY');
      expect(stored!.clientCertificate).not.toContain('BEGIN CERTIFICATE');
      await eventually(
        async () => paths,
        (seen) => seen.includes('/api/oicp/evsepush/v23/operators/DE*VGC/data-records'),
      );
      expect(new Set(callers)).toEqual(new Set(['DE*VGC']));
    });

    function callAsHubject(
      operation: 'start' | 'stop',
      body: unknown,
      identity?: Pem,
    ): Promise<{ status: number; body: Record<string, unknown> }> {
      return postOicp(
        `${httpsUrl}/oicp/default/charging/v21/providers/DE-DCB/authorize-remote/${operation}`,
        body,
        { ca: hubjectPki.ca.cert, ...(identity ? { cert: identity.cert, key: identity.key } : {}) },
      );
    }

    const SESSION_ID = 'b2c3d4e5-0000-4000-8000-00000000abcd';
    const remoteStart = {
      SessionID: SESSION_ID,
      ProviderID: 'DE-DCB',
      EvseID: 'DE*VGC*ETLS16*1',
      Identification: { RemoteIdentification: { EvcoID: 'DE-DCB-C12345678-X' } },
    };

    it('refuses Hubject’s calls without a certificate of the Hubject CA (017), and a body the OpenAPI refuses (022)', async () => {
      expect(await callAsHubject('start', remoteStart)).toMatchObject({
        status: 403,
        body: { Result: false, StatusCode: { Code: '017' } },
      });
      expect(await callAsHubject('start', remoteStart, rogue)).toMatchObject({
        status: 403,
        body: { Result: false, StatusCode: { Code: '017' } },
      });
      const invalid = await callAsHubject(
        'start',
        { ...remoteStart, SessionID: 'not-a-guid' },
        hubjectCaller,
      );
      expect(invalid).toMatchObject({ status: 400, body: { Result: false, StatusCode: { Code: '022' } } });
      expect(String((invalid.body.StatusCode as Record<string, unknown>).AdditionalInfo)).toContain(
        '/SessionID',
      );
      expect(
        await callAsHubject('start', { ...remoteStart, EvseID: 'DE*VGC*ENOPE*1' }, hubjectCaller),
      ).toMatchObject({
        status: 200,
        body: { Result: false, StatusCode: { Code: '603' }, SessionID: SESSION_ID },
      });
      expect(stationCommands).toEqual([]);
    });

    it('turns a remote start and stop into OCPP commands and reports the station’s answer', async () => {
      const started = await callAsHubject('start', remoteStart, hubjectCaller);
      expect(started).toMatchObject({
        status: 200,
        body: { Result: true, StatusCode: { Code: '000' }, SessionID: SESSION_ID },
      });
      expect(stationCommands).toEqual([
        { action: 'RemoteStartTransaction', params: { connectorId: 1, idTag: 'DE-DCB-C12345678-X' } },
      ]);
      // The station starts with the idTag it was given: the session is Hubject's.
      const start = (await station.call('StartTransaction', {
        connectorId: 1,
        idTag: 'DE-DCB-C12345678-X',
        meterStart: 0,
        timestamp: new Date().toISOString(),
      })) as { idTagInfo: { status: string }; transactionId: number };
      expect(start.idTagInfo.status).toBe('Accepted');
      await eventually(
        async () => paths.filter((path) => path.endsWith('/charging-notifications')).length,
        (count) => count >= 1,
      );
      const stopped = await callAsHubject(
        'stop',
        { SessionID: SESSION_ID, ProviderID: 'DE-DCB', EvseID: 'DE*VGC*ETLS16*1' },
        hubjectCaller,
      );
      expect(stopped).toMatchObject({ status: 200, body: { Result: true, StatusCode: { Code: '000' } } });
      expect(stationCommands[1]).toEqual({
        action: 'RemoteStopTransaction',
        params: { transactionId: start.transactionId },
      });
      const unknown = await callAsHubject(
        'stop',
        {
          SessionID: 'b2c3d4e5-0000-4000-8000-00000000ffff',
          ProviderID: 'DE-DCB',
          EvseID: 'DE*VGC*ETLS16*1',
        },
        hubjectCaller,
      );
      expect(unknown).toMatchObject({ status: 200, body: { Result: false, StatusCode: { Code: '400' } } });
    });

    it('withdraws a remote start stopped before charging began: success, and the later start is not Hubject’s', async () => {
      const sessionId = 'b2c3d4e5-0000-4000-8000-00000000beef';
      const evcoId = 'DE-DCB-C87654321-X';
      const commandsBefore = stationCommands.length;
      expect(
        await callAsHubject(
          'start',
          {
            ...remoteStart,
            SessionID: sessionId,
            Identification: { RemoteIdentification: { EvcoID: evcoId } },
          },
          hubjectCaller,
        ),
      ).toMatchObject({ status: 200, body: { Result: true, SessionID: sessionId } });
      expect(stationCommands[commandsBefore]).toMatchObject({
        action: 'RemoteStartTransaction',
        params: { idTag: evcoId },
      });
      // The driver has not plugged in yet when the EMP stops it.
      const stopped = await callAsHubject(
        'stop',
        { SessionID: sessionId, ProviderID: 'DE-DCB', EvseID: 'DE*VGC*ETLS16*1' },
        hubjectCaller,
      );
      expect(stopped).toMatchObject({
        status: 200,
        body: {
          Result: true,
          StatusCode: { Code: '000', AdditionalInfo: 'The remote start was withdrawn before charging began' },
          SessionID: sessionId,
        },
      });
      // Nothing was running, so nothing was sent to the station.
      expect(stationCommands).toHaveLength(commandsBefore + 1);
      // The station starts late with the badge it was given: refused, and no session for Hubject.
      const late = (await station.call('StartTransaction', {
        connectorId: 1,
        idTag: evcoId,
        meterStart: 0,
        timestamp: new Date().toISOString(),
      })) as { idTagInfo: { status: string } };
      expect(late.idTagInfo.status).not.toBe('Accepted');
      const sessions = app.app.get<Connection>(getConnectionToken()).collection('roaming_sessions');
      expect(await sessions.countDocuments({ authorizationReference: sessionId })).toBe(0);
      // A second stop finds nothing to stop.
      expect(
        await callAsHubject(
          'stop',
          { SessionID: sessionId, ProviderID: 'DE-DCB', EvseID: 'DE*VGC*ETLS16*1' },
          hubjectCaller,
        ),
      ).toMatchObject({ status: 200, body: { Result: false, StatusCode: { Code: '400' } } });
    });
  });
});
