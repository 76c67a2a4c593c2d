import { SecureConformanceApp, startSecureConformanceApp } from '../support/conformance-app';
import { boot16, bootAndReport16, now, OCPP16 } from '../support/ocpp16-steps';
import { str } from '../support/operator';
import { StationPeer } from '../support/station-peer';

const HASHES = {
  hashAlgorithm: 'SHA256',
  issuerNameHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  issuerKeyHash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  serialNumber: '4a3b2c1d',
};

/**
 * OCTT 1.6-J security cases (OCPP 1.6 security whitepaper), on a server with TLS, a CA for station
 * certificates and its key: security profiles 2 and 3, passwords, certificates, logs, signed firmware.
 */
describe('OCTT OCPP 1.6-J Security (CSMS under test)', () => {
  let app: SecureConformanceApp;
  const tls = (client?: { cert: Buffer; key: Buffer }) => app.tls(client);
  const pki = () => app.pki;
  const op = () => app.operator;

  /**
   * A station over TLS, booted: with a password (profile 2) when the case is about passwords, else
   * one the tenant lets in by its id (argon2 makes every password check cost ~100 ms by design).
   */
  const station = async (name: string, password?: string): Promise<StationPeer> => {
    const id = `OCTT16-${name}`;
    if (password) {
      await op().mutate(
        `createChargingStation(input: { id: ${str(id)}, password: ${str(password)} }) { id }`,
      );
    }
    const peer = await app.station(id, { ...OCPP16, password, tls: tls() });
    await bootAndReport16(peer);
    return peer;
  };
  const connect = (id: string, options: { password?: string; client?: { cert: Buffer; key: Buffer } }) =>
    app.station(id, { ...OCPP16, password: options.password, tls: tls(options.client) });

  beforeAll(async () => {
    app = await startSecureConformanceApp('octt16-security');
  });
  afterAll(() => app?.close());

  /** ExtendedTriggerMessage(SignChargePointCertificate), then the station's SignCertificate. */
  const requestCertificate = async (peer: StationPeer, keyType: 'rsa' | 'ec' = 'ec') => {
    const trigger = peer.answer('ExtendedTriggerMessage', { status: 'Accepted' });
    expect(
      await op().command(
        `triggerMessage(chargingStationId: ${str(peer.id)}, message: "SignChargePointCertificate")`,
      ),
    ).toEqual({ status: 'Accepted' });
    expect(await trigger).toEqual({ requestedMessage: 'SignChargePointCertificate' });
    const request = pki().request(peer.id, keyType);
    return { request, sign: () => peer.call('SignCertificate', { csr: request.csr }) };
  };

  it('TC_073_CSMS Update Charge Point Password for HTTP Basic Authentication', async () => {
    const peer = await station('073', 'old-password-0123456789');
    const newPassword = 'new-password-9876543210';
    const change = peer.answer('ChangeConfiguration', { status: 'Accepted' });
    expect(
      await op().command(
        `changeChargingStationPassword(chargingStationId: ${str(peer.id)}, input: { password: ${str(newPassword)} })`,
      ),
    ).toEqual({ status: 'Accepted' });
    expect(await change).toEqual({ key: 'AuthorizationKey', value: newPassword });
    await peer.close();
    const again = await connect(peer.id, { password: newPassword });
    expect((await boot16(again)).status).toBe('Accepted');
    await again.close();
    await expect(connect(peer.id, { password: 'old-password-0123456789' })).rejects.toThrow(/Unauthorized/);
  });

  it('TC_074_CSMS Update Charge Point Certificate by request of Central System', async () => {
    let peer = await station('074');
    for (const keyType of ['rsa', 'ec'] as const) {
      const { request, sign } = await requestCertificate(peer, keyType);
      const signed = peer.answer('CertificateSigned', { status: 'Accepted' });
      expect(await sign()).toEqual({ status: 'Accepted' });
      const { certificateChain } = await signed;
      expect(pki().verify(certificateChain as string)).toEqual({
        valid: true,
        subject: `O=OCTT,CN=${peer.id}`,
      });
      // The new certificate lets the station in on profile 3, without a password.
      peer = await connect(peer.id, {
        client: { cert: Buffer.from(certificateChain as string), key: request.key },
      });
      expect(await peer.call('Heartbeat', {})).toHaveProperty('currentTime');
    }
    expect(await op().notifications(peer.id, 'SignCertificate')).toHaveLength(2);
  });

  it.each([
    [
      'TC_075_1_CSMS Install a certificate on the Charge Point – ManufacturerRootCertificate',
      'ManufacturerRootCertificate',
      'ManufacturerRootCertificate',
    ],
    [
      'TC_075_2_CSMS Install a certificate on the Charge Point – CentralSystemRootCertificate',
      'CSMSRootCertificate',
      'CentralSystemRootCertificate',
    ],
  ])('%s', async (_name, use, ocppUse) => {
    const peer = await station(`075-${use}`);
    const root = pki().root(`OCTT ${use}`);
    const install = peer.answer('InstallCertificate', { status: 'Accepted' });
    expect(
      await op().command(
        `installCertificate(chargingStationId: ${str(peer.id)}, certificateType: ${use}, certificate: ${str(root.cert.toString())})`,
      ),
    ).toEqual({ status: 'Accepted' });
    expect(await install).toEqual({ certificateType: ocppUse, certificate: root.cert.toString() });
    const listed = peer.answer('GetInstalledCertificateIds', {
      status: 'Accepted',
      certificateHashData: [HASHES],
    });
    expect(
      await op().command(
        `getInstalledCertificateIds(chargingStationId: ${str(peer.id)}, certificateTypes: [${use}])`,
      ),
    ).toEqual({
      status: 'Accepted',
      data: { certificateHashDataChain: [{ certificateType: use, certificateHashData: HASHES }] },
    });
    expect(await listed).toEqual({ certificateType: ocppUse });
  });

  it('TC_076_CSMS Delete a specific certificate from the Charge Point', async () => {
    const peer = await station('076');
    for (const hashAlgorithm of ['SHA256', 'SHA384', 'SHA512']) {
      const hashes = { ...HASHES, hashAlgorithm };
      const listed = peer.answer('GetInstalledCertificateIds', {
        status: 'Accepted',
        certificateHashData: [hashes],
      });
      const { data } = await op().command(
        `getInstalledCertificateIds(chargingStationId: ${str(peer.id)}, certificateTypes: [CSMSRootCertificate])`,
      );
      await listed;
      const [installed] = (data as { certificateHashDataChain: { certificateHashData: typeof hashes }[] })
        .certificateHashDataChain;
      const deleted = peer.answer('DeleteCertificate', { status: 'Accepted' });
      const input = Object.entries(installed.certificateHashData)
        .map(([key, value]) => `${key}: ${key === 'hashAlgorithm' ? value : str(value)}`)
        .join(', ');
      expect(
        await op().command(
          `deleteCertificate(chargingStationId: ${str(peer.id)}, certificate: { ${input} })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await deleted).toEqual({ certificateHashData: hashes });
    }
  });

  it('TC_077_CSMS Invalid ChargePointCertificate Security Event', async () => {
    const peer = await station('077');
    const { sign } = await requestCertificate(peer);
    const refused = peer.answer('CertificateSigned', { status: 'Rejected' });
    expect(await sign()).toEqual({ status: 'Accepted' });
    await refused;
    const event = { type: 'InvalidChargePointCertificate', timestamp: now(), techInfo: 'chain refused' };
    expect(await peer.call('SecurityEventNotification', event)).toEqual({});
    expect(await op().notifications(peer.id, 'SecurityEventNotification')).toEqual([event]);
  });

  it('TC_078_CSMS Invalid CentralSystemCertificate Security Event', async () => {
    const peer = await station('078');
    const root = pki().root('OCTT invalid CSMS root');
    const install = peer.answer('InstallCertificate', { status: 'Rejected' });
    expect(
      await op().command(
        `installCertificate(chargingStationId: ${str(peer.id)}, certificateType: CSMSRootCertificate, certificate: ${str(root.cert.toString())})`,
      ),
    ).toEqual({ status: 'Rejected' });
    await install;
    const event = { type: 'InvalidCentralSystemCertificate', timestamp: now() };
    expect(await peer.call('SecurityEventNotification', event)).toEqual({});
    expect(await op().notifications(peer.id, 'SecurityEventNotification')).toEqual([event]);
  });

  it('TC_079_CSMS Get Security Log', async () => {
    const peer = await station('079');
    const asked = peer.answer('GetLog', { status: 'Accepted', filename: 'security.log' });
    const result = await op().command(
      `getLog(chargingStationId: ${str(peer.id)}, input: { logType: SecurityLog, remoteLocation: "https://logs.example.com/octt" })`,
    );
    expect(result).toEqual({
      status: 'Accepted',
      data: { requestId: expect.any(Number), filename: 'security.log' },
    });
    expect(await asked).toEqual({
      logType: 'SecurityLog',
      requestId: result.data?.requestId,
      log: { remoteLocation: 'https://logs.example.com/octt' },
    });
    for (const status of ['Uploading', 'Uploaded']) {
      expect(await peer.call('LogStatusNotification', { status, requestId: result.data?.requestId })).toEqual(
        {},
      );
    }
    expect(await op().station(peer.id)).toMatchObject({ diagnosticsStatus: 'Uploaded' });
  });

  const signedFirmware = async (peer: StationPeer) => {
    const signing = pki().root('OCTT firmware signer');
    const update = peer.answer('SignedUpdateFirmware', { status: 'Accepted' });
    const result = await op().command(
      `updateFirmware(chargingStationId: ${str(peer.id)}, input: { location: "https://firmware.example.com/octt-2.bin", retrieveDate: ${str(now())}, signingCertificate: ${str(signing.cert.toString())}, signature: "c2lnbmF0dXJl" })`,
    );
    expect(result).toEqual({ status: 'Accepted', data: { requestId: expect.any(Number) } });
    expect(await update).toEqual({
      requestId: result.data?.requestId,
      firmware: {
        location: 'https://firmware.example.com/octt-2.bin',
        retrieveDateTime: expect.any(String),
        signingCertificate: signing.cert.toString(),
        signature: 'c2lnbmF0dXJl',
      },
    });
    return result.data?.requestId as number;
  };

  it('TC_080_CSMS Secure Firmware Update', async () => {
    const peer = await station('080');
    const requestId = await signedFirmware(peer);
    const notify = (status: string) => peer.call('SignedFirmwareStatusNotification', { status, requestId });
    for (const status of [
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'Installing',
      'InstallRebooting',
    ]) {
      expect(await notify(status)).toEqual({});
    }
    expect((await boot16(peer)).status).toBe('Accepted');
    expect(await notify('Installed')).toEqual({});
    expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: 'Installed' });
  });

  it('TC_081_CSMS Secure Firmware Update – Invalid Signature', async () => {
    const peer = await station('081');
    const requestId = await signedFirmware(peer);
    await peer.call('SignedFirmwareStatusNotification', { status: 'Downloading', requestId });
    await peer.call('SignedFirmwareStatusNotification', { status: 'Downloaded', requestId });
    expect(
      await peer.call('SignedFirmwareStatusNotification', { status: 'InvalidSignature', requestId }),
    ).toEqual({});
    const event = { type: 'InvalidFirmwareSignature', timestamp: now() };
    expect(await peer.call('SecurityEventNotification', event)).toEqual({});
    expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: 'InvalidSignature' });
    expect(await op().notifications(peer.id, 'SecurityEventNotification')).toEqual([event]);
  });

  it('TC_083_CSMS Upgrade Charge Point Security Profile – Accepted', async () => {
    const password = '083-password-0123456789';
    const peer = await station('083', password);
    const change = peer.answer('ChangeConfiguration', { status: 'Accepted' });
    const reset = peer.answer('Reset', { status: 'Accepted' });
    expect(
      await op().command(
        `setChargingStationSecurityProfile(chargingStationId: ${str(peer.id)}, input: { securityProfile: 3 })`,
      ),
    ).toEqual({ status: 'Accepted', data: { reset: 'Accepted' } });
    expect(await change).toEqual({ key: 'SecurityProfile', value: '3' });
    expect(await reset).toEqual({ type: 'Soft' });
    await peer.close();
    const upgraded = await connect(peer.id, { client: pki().client(peer.id) });
    expect((await boot16(upgraded)).status).toBe('Accepted');
    await upgraded.close();
    await expect(connect(peer.id, { password })).rejects.toThrow(/Unauthorized/);
    expect(await op().query(`chargingStation(id: ${str(peer.id)}) { securityProfile }`)).toEqual({
      securityProfile: 3,
    });
  });

  it('TC_088_CSMS WebSocket Subprotocol negotiation', async () => {
    await expect(
      app.station('OCTT16-088', { protocols: ['ocpp0.9'], tls: tls(), strict: false }),
    ).rejects.toThrow();
    const peer = await app.station('OCTT16-088', {
      protocols: ['ocpp0.9', 'ocpp1.6'],
      tls: tls(),
      strict: false,
    });
    expect(peer.protocol).toBe('ocpp1.6');
    expect((await boot16(peer)).status).toBe('Accepted');
  });
});
