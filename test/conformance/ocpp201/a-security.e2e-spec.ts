import { connect as tlsConnect, TLSSocket } from 'node:tls';
import { basicAuth } from '../../support/ocpp-station';
import { SecureConformanceApp, startSecureConformanceApp } from '../support/conformance-app';
import { boot201, bootAndReport201, now, OCPP201, status201 } from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { StationPeer } from '../support/station-peer';
import { TestV2gPki } from '../support/test-v2g-pki';
import { upgradeOverTls } from '../support/upgrade';

/** A TLS handshake with the server as a station makes it; resolves with the socket once it is done. */
function handshake(app: SecureConformanceApp, options: Record<string, unknown> = {}): Promise<TLSSocket> {
  const port = Number(new URL(app.server.httpUrl).port);
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca: app.pki.ca.cert, ...options }, () =>
      resolve(socket),
    );
    socket.once('error', reject);
  });
}

/** OCTT 2.0.1 block A: security profiles, passwords and certificates, on a server with TLS. */
describe('OCTT OCPP 2.0.1 A – Security (CSMS under test)', () => {
  let app: SecureConformanceApp;
  let v2g: TestV2gPki;
  const op = () => app.operator;
  const wss = () => app.server.wsUrl.replace(/^ws:/, 'wss:');
  const connect = (id: string, options: { password?: string; client?: { cert: Buffer; key: Buffer } } = {}) =>
    app.station(id, { ...OCPP201, password: options.password, tls: app.tls(options.client) });
  /** A station with a password (security profile 2), booted. */
  const station = async (name: string, password?: string): Promise<StationPeer> => {
    const id = `OCTT201-${name}`;
    if (password) await app.createStation(id, password);
    const peer = await connect(id, { password });
    await bootAndReport201(peer);
    return peer;
  };

  beforeAll(async () => {
    v2g = new TestV2gPki();
    const pkiUrl = await v2g.start();
    app = await startSecureConformanceApp('octt201-a', { ISO15118_PKI_URL: pkiUrl });
  });
  afterAll(async () => {
    await app?.close();
    await v2g?.stop();
  });

  it('TC_A_01_CSMS Basic Authentication - Valid username/password combination', async () => {
    const password = 'A01-password-0123456789';
    await app.createStation('OCTT201-A01', password);
    const peer = await connect('OCTT201-A01', { password });
    expect(await boot201(peer)).toMatchObject({ status: 'Accepted', interval: expect.any(Number) });
    expect(await status201(peer, 1, 'Available')).toEqual({});
  });

  it('TC_A_02_CSMS Basic Authentication - Username does not equal ChargingStationId', async () => {
    const password = 'A02-password-0123456789';
    await app.createStation('OCTT201-A02', password);
    const path = '/ocpp/default/OCTT201-A02';
    const ca = app.pki.ca.cert;
    expect(
      await upgradeOverTls(wss(), path, { ca, authorization: basicAuth('OCTT201-OTHER', password) }),
    ).toBe(401);
    expect(await upgradeOverTls(wss(), path, { ca, authorization: basicAuth('OCTT201-A02', password) })).toBe(
      101,
    );
  });

  it('TC_A_03_CSMS Basic Authentication - Invalid password', async () => {
    await app.createStation('OCTT201-A03', 'A03-password-0123456789');
    const path = '/ocpp/default/OCTT201-A03';
    const ca = app.pki.ca.cert;
    expect(await upgradeOverTls(wss(), path, { ca })).toBe(401);
    expect(
      await upgradeOverTls(wss(), path, {
        ca,
        authorization: basicAuth('OCTT201-A03', 'wrong-password-0123'),
      }),
    ).toBe(401);
  });

  it('TC_A_04_CSMS TLS - server-side certificate - Valid certificate', async () => {
    const socket = await handshake(app, { servername: 'localhost' });
    expect(socket.authorized).toBe(true);
    expect(['TLSv1.2', 'TLSv1.3']).toContain(socket.getProtocol());
    expect(socket.getPeerCertificate().subject.CN).toBe('127.0.0.1');
    socket.destroy();
    const password = 'A04-password-0123456789';
    await app.createStation('OCTT201-A04', password);
    const peer = await connect('OCTT201-A04', { password });
    expect(await boot201(peer)).toMatchObject({ status: 'Accepted' });
  });

  it('TC_A_06_CSMS TLS - server-side certificate - TLS version too low', async () => {
    // The client is made willing to speak TLS 1.0/1.1: the refusal must come from the server.
    await expect(
      handshake(app, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }),
    ).rejects.toThrow(/alert protocol version|unsupported protocol|no protocols available/i);
    const socket = await handshake(app, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(socket.getProtocol()).toBe('TLSv1.2');
    socket.destroy();
  });

  it('TC_A_07_CSMS TLS - Client-side certificate - valid certificate', async () => {
    const peer = await connect('OCTT201-A07', { client: app.pki.client('OCTT201-A07') });
    expect(await boot201(peer)).toMatchObject({ status: 'Accepted' });
  });

  it('TC_A_08_CSMS TLS - Client-side certificate - Invalid certificate', async () => {
    await app.createStation('OCTT201-A08', 'A08-password-0123456789');
    await expect(connect('OCTT201-A08', { client: app.pki.rogue('OCTT201-A08') })).rejects.toThrow(
      /Unauthorized/,
    );
    await expect(connect('OCTT201-A08', { client: app.pki.client('OCTT201-NOT-A08') })).rejects.toThrow(
      /Unauthorized/,
    );
  });

  const changePassword = async (peer: StationPeer, password: string, answer: string) => {
    const set = peer.answer('SetVariables', (request) => ({
      setVariableResult: (request.setVariableData as Record<string, unknown>[]).map((data) => ({
        attributeStatus: answer,
        component: data.component,
        variable: data.variable,
      })),
    }));
    expect(
      await op().command(
        `changeChargingStationPassword(chargingStationId: ${str(peer.id)}, input: { password: ${str(password)} })`,
      ),
    ).toEqual({ status: answer });
    expect(await set).toEqual({
      setVariableData: [
        {
          component: { name: 'SecurityCtrlr' },
          variable: { name: 'BasicAuthPassword' },
          attributeValue: password,
        },
      ],
    });
  };

  it('TC_A_09_CSMS Update Charging Station Password for HTTP Basic Authentication - Accepted', async () => {
    const peer = await station('A09', 'A09-old-password-012345');
    await changePassword(peer, 'A09-new-password-543210', 'Accepted');
    await peer.close();
    const renewed = await connect(peer.id, { password: 'A09-new-password-543210' });
    expect(await boot201(renewed)).toMatchObject({ status: 'Accepted' });
    await renewed.close();
    await expect(connect(peer.id, { password: 'A09-old-password-012345' })).rejects.toThrow(/Unauthorized/);
  });

  it('TC_A_10_CSMS Update Charging Station Password for HTTP Basic Authentication - Rejected', async () => {
    const peer = await station('A10', 'A10-old-password-012345');
    await changePassword(peer, 'A10-new-password-543210', 'Rejected');
    expect(await peer.call('Heartbeat', {})).toHaveProperty('currentTime');
    await peer.close();
    const again = await connect(peer.id, { password: 'A10-old-password-012345' });
    expect(await again.call('Heartbeat', {})).toHaveProperty('currentTime');
    await again.close();
    await expect(connect(peer.id, { password: 'A10-new-password-543210' })).rejects.toThrow(/Unauthorized/);
  });

  /** The operator triggers a certificate renewal (TriggerMessage `trigger`), which the station accepts. */
  const triggerRenewal = async (peer: StationPeer, trigger: string) => {
    const triggered = peer.answer('TriggerMessage', { status: 'Accepted' });
    expect(
      await op().command(`triggerMessage(chargingStationId: ${str(peer.id)}, message: ${str(trigger)})`),
    ).toEqual({ status: 'Accepted' });
    expect(await triggered).toEqual({ requestedMessage: trigger });
  };

  /** The station's SignCertificate and the CertificateSigned that follows; resolves with the chain. */
  const signCertificate = async (
    peer: StationPeer,
    certificateType: string,
    csr: string,
    answer = 'Accepted',
  ) => {
    const signed = peer.answer('CertificateSigned', { status: answer });
    expect(await peer.call('SignCertificate', { csr, certificateType })).toEqual({ status: 'Accepted' });
    const delivered = await signed;
    expect(delivered.certificateType).toBe(certificateType);
    return delivered.certificateChain as string;
  };

  /** TriggerMessage for a certificate, the station's SignCertificate, and the CertificateSigned that follows. */
  const renewCertificate = async (
    peer: StationPeer,
    trigger: string,
    certificateType: string,
    csr: string,
    answer = 'Accepted',
  ) => {
    await triggerRenewal(peer, trigger);
    return signCertificate(peer, certificateType, csr, answer);
  };

  it('TC_A_11_CSMS Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate', async () => {
    const peer = await station('A11');
    const request = app.pki.request(peer.id);
    const chain = await renewCertificate(
      peer,
      'SignChargingStationCertificate',
      'ChargingStationCertificate',
      request.csr,
    );
    expect(app.pki.verify(chain)).toEqual({ valid: true, subject: `O=OCTT,CN=${peer.id}` });
    const renewed = await connect(peer.id, { client: { cert: Buffer.from(chain), key: request.key } });
    expect(await boot201(renewed)).toMatchObject({ status: 'Accepted' });
  });

  it('TC_A_12_CSMS Update Charging Station Certificate by request of CSMS - Success - V2G Certificate', async () => {
    const peer = await station('A12');
    const request = v2g.request(peer.id);
    const chain = await renewCertificate(peer, 'SignV2GCertificate', 'V2GCertificate', request.csr);
    expect(v2g.verify(chain)).toEqual({ valid: true, subject: `O=OCTT,CN=${peer.id}` });
  });

  it('TC_A_13_CSMS Update Charging Station Certificate by request of CSMS - Success - Combined Certificate', async () => {
    const peer = await station('A13');
    await triggerRenewal(peer, 'SignCombinedCertificate');
    // One trigger, two requests: the station's OCPP client certificate, then its V2G certificate, each
    // signed by its own CA.
    const ocppRequest = app.pki.request(peer.id);
    const ocppChain = await signCertificate(peer, 'ChargingStationCertificate', ocppRequest.csr);
    expect(app.pki.verify(ocppChain)).toEqual({ valid: true, subject: `O=OCTT,CN=${peer.id}` });
    expect(v2g.verify(ocppChain).valid).toBe(false);
    const v2gChain = await signCertificate(peer, 'V2GCertificate', v2g.request(peer.id).csr);
    expect(v2g.verify(v2gChain)).toEqual({ valid: true, subject: `O=OCTT,CN=${peer.id}` });
    const renewed = await connect(peer.id, {
      client: { cert: Buffer.from(ocppChain), key: ocppRequest.key },
    });
    expect(await boot201(renewed)).toMatchObject({ status: 'Accepted' });
  });

  it('TC_A_14_CSMS Update Charging Station Certificate by request of CSMS - Invalid certificate', async () => {
    const peer = await station('A14');
    const request = app.pki.request(peer.id);
    await renewCertificate(
      peer,
      'SignChargingStationCertificate',
      'ChargingStationCertificate',
      request.csr,
      'Rejected',
    );
    const event = { type: 'InvalidChargingStationCertificate', timestamp: now(), techInfo: 'rejected' };
    expect(await peer.call('SecurityEventNotification', event)).toEqual({});
    expect(await op().notifications(peer.id, 'SecurityEventNotification')).toEqual([event]);
    expect(await peer.call('Heartbeat', {})).toHaveProperty('currentTime');
  });

  it('TC_A_19_CSMS Upgrade Charging Station Security Profile - Accepted', async () => {
    const password = 'A19-password-0123456789';
    const peer = await station('A19', password);
    const priority = {
      component: { name: 'OCPPCommCtrlr' },
      variable: { name: 'NetworkConfigurationPriority' },
    };
    const read = peer.answer('GetVariables', {
      getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '1', ...priority }],
    });
    const profile = peer.answer('SetNetworkProfile', { status: 'Accepted' });
    const set = peer.answer('SetVariables', {
      setVariableResult: [{ attributeStatus: 'RebootRequired', ...priority }],
    });
    const reset = peer.answer('Reset', { status: 'Accepted' });
    expect(
      await op().command(
        `setChargingStationSecurityProfile(chargingStationId: ${str(peer.id)}, input: { securityProfile: 3 })`,
      ),
    ).toEqual({ status: 'RebootRequired', data: { configurationSlot: 2, reset: 'Accepted' } });
    expect(await read).toEqual({ getVariableData: [priority] });
    expect(await profile).toEqual({
      configurationSlot: 2,
      connectionData: {
        ocppVersion: 'OCPP20',
        ocppTransport: 'JSON',
        ocppCsmsUrl: expect.stringMatching(/^wss:\/\/.+\/ocpp\/default\/$/),
        messageTimeout: 30,
        securityProfile: 3,
        ocppInterface: 'Wired0',
      },
    });
    expect(await set).toEqual({ setVariableData: [{ ...priority, attributeValue: '2,1' }] });
    expect(await reset).toEqual({ type: 'OnIdle' });
    await peer.close();
    const upgraded = await connect(peer.id, { client: app.pki.client(peer.id) });
    expect(await boot201(upgraded)).toMatchObject({ status: 'Accepted' });
    await upgraded.close();
    await expect(connect(peer.id, { password })).rejects.toThrow(/Unauthorized/);
  });
});
