import { TestPki } from '../../ocpp-security/tls-certificates';
import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import { boot201, bootedStation201, charging201, idToken, now } from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { StationPeer } from '../support/station-peer';

const CHECKSUM = '9e107d9d372bb6826bd81d3542a419d6';
const SIGNATURE = 'c2lnbmF0dXJlLW9mLXRoZS1maXJtd2FyZQ==';

/** OCTT 2.0.1 block L: secure firmware updates, and firmware a local controller publishes. */
describe('OCTT OCPP 2.0.1 L – Firmware Management (CSMS under test)', () => {
  let app: ConformanceApp;
  let signingCertificate: string;
  let pki: TestPki;
  const op = () => app.operator;
  const station = (name: string) => bootedStation201(app, name);

  /** UpdateFirmware (signed) through GraphQL, answered `answer`; resolves with the requestId. */
  const update = async (peer: StationPeer, answer = 'Accepted', dates = '') => {
    const asked = peer.answer('UpdateFirmware', { status: answer });
    const result = await op().command(
      `updateFirmware(chargingStationId: ${str(peer.id)}, input: { location: "https://firmware.example.com/octt-201.bin", retrieveDate: ${str(now())}${dates}, signingCertificate: ${str(signingCertificate)}, signature: ${str(SIGNATURE)} })`,
    );
    expect(result).toEqual({ status: answer, data: { requestId: expect.any(Number) } });
    const request = await asked;
    expect(request).toMatchObject({
      requestId: result.data?.requestId,
      firmware: {
        location: 'https://firmware.example.com/octt-201.bin',
        retrieveDateTime: expect.any(String),
        signingCertificate,
        signature: SIGNATURE,
      },
    });
    return {
      requestId: result.data?.requestId as number,
      firmware: request.firmware as Record<string, string>,
    };
  };
  const notify = async (peer: StationPeer, requestId: number, ...statuses: string[]) => {
    for (const status of statuses) {
      expect(await peer.call('FirmwareStatusNotification', { status, requestId })).toEqual({});
    }
    expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: statuses.at(-1) });
  };
  const securityEvent = async (peer: StationPeer, type: string) => {
    const event = { type, timestamp: now() };
    expect(await peer.call('SecurityEventNotification', event)).toEqual({});
    expect(await op().notifications(peer.id, 'SecurityEventNotification')).toEqual([event]);
  };
  const reboot = async (peer: StationPeer) => {
    expect(await boot201(peer, 'FirmwareUpdate')).toMatchObject({ status: 'Accepted' });
  };

  beforeAll(async () => {
    pki = new TestPki();
    signingCertificate = pki.root('OCTT Firmware Signer').cert.toString();
    app = await startConformanceApp('octt201-l');
  });
  afterAll(async () => {
    await app?.close();
    pki?.remove();
  });

  it('TC_L_01_CSMS Secure Firmware Update - Installation successful', async () => {
    const peer = await station('L01');
    const { requestId } = await update(peer);
    await notify(
      peer,
      requestId,
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'Installing',
      'InstallRebooting',
    );
    await reboot(peer);
    await notify(peer, requestId, 'Installed');
  });

  it('TC_L_02_CSMS Secure Firmware Update - InstallScheduled', async () => {
    const peer = await station('L02');
    const installAt = now(3600);
    const { requestId, firmware } = await update(peer, 'Accepted', `, installDate: ${str(installAt)}`);
    expect(firmware.installDateTime).toBe(installAt);
    await notify(
      peer,
      requestId,
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'InstallScheduled',
      'Installing',
    );
    await reboot(peer);
    await notify(peer, requestId, 'Installed');
  });

  it('TC_L_03_CSMS Secure Firmware Update - DownloadScheduled', async () => {
    const peer = await station('L03');
    const asked = peer.answer('UpdateFirmware', { status: 'Accepted' });
    const retrieveAt = now(3600);
    const result = await op().command(
      `updateFirmware(chargingStationId: ${str(peer.id)}, input: { location: "https://firmware.example.com/later.bin", retrieveDate: ${str(retrieveAt)}, signingCertificate: ${str(signingCertificate)}, signature: ${str(SIGNATURE)} })`,
    );
    expect((await asked).firmware).toMatchObject({ retrieveDateTime: retrieveAt });
    const requestId = result.data?.requestId as number;
    await notify(
      peer,
      requestId,
      'DownloadScheduled',
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'Installing',
    );
    await reboot(peer);
    await notify(peer, requestId, 'Installed');
  });

  it('TC_L_04_CSMS Secure Firmware Update - RevokedCertificate', async () => {
    const peer = await station('L04');
    await update(peer, 'RevokedCertificate');
  });

  it('TC_L_05_CSMS Secure Firmware Update - InvalidCertificate', async () => {
    const peer = await station('L05');
    await update(peer, 'InvalidCertificate');
    await securityEvent(peer, 'InvalidFirmwareSigningCertificate');
  });

  it('TC_L_06_CSMS Secure Firmware Update - InvalidSignature', async () => {
    const peer = await station('L06');
    const { requestId } = await update(peer);
    await notify(peer, requestId, 'Downloading', 'Downloaded', 'InvalidSignature');
    await securityEvent(peer, 'InvalidFirmwareSignature');
  });

  it('TC_L_07_CSMS Secure Firmware Update - DownloadFailed', async () => {
    const peer = await station('L07');
    const { requestId } = await update(peer);
    await notify(peer, requestId, 'Downloading', 'DownloadFailed');
  });

  it('TC_L_08_CSMS Secure Firmware Update - InstallVerificationFailed', async () => {
    const peer = await station('L08');
    const { requestId } = await update(peer);
    await notify(
      peer,
      requestId,
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'InstallVerificationFailed',
    );
  });

  it('TC_L_09_CSMS Secure Firmware Update - InstallationFailed', async () => {
    const peer = await station('L09');
    const { requestId } = await update(peer);
    await notify(
      peer,
      requestId,
      'Downloading',
      'Downloaded',
      'SignatureVerified',
      'Installing',
      'InstallRebooting',
    );
    await reboot(peer);
    await notify(peer, requestId, 'InstallationFailed');
  });

  it('TC_L_10_CSMS Secure Firmware Update - AcceptedCanceled', async () => {
    const peer = await station('L10');
    const first = await update(peer);
    await notify(peer, first.requestId, 'Downloading');
    const second = await update(peer, 'AcceptedCanceled');
    expect(second.requestId).not.toBe(first.requestId);
    await notify(peer, second.requestId, 'Downloading', 'Downloaded', 'SignatureVerified', 'Installing');
    await reboot(peer);
    await notify(peer, second.requestId, 'Installed');
  });

  it('TC_L_11_CSMS Secure Firmware Update - Unable to cancel', async () => {
    const peer = await station('L11');
    const first = await update(peer);
    await notify(peer, first.requestId, 'Downloading');
    await update(peer, 'Rejected');
    await notify(peer, first.requestId, 'Downloaded', 'SignatureVerified', 'Installing');
    await reboot(peer);
    await notify(peer, first.requestId, 'Installed');
  });

  it('TC_L_13_CSMS Secure Firmware Update - Unable to download/install firmware with ongoing transaction - AllowNewSessionsPendingFirmwareUpdate is false', async () => {
    const peer = await station('L13');
    const tx = await charging201(peer, TOKENS.valid);
    const { requestId } = await update(peer);
    await notify(peer, requestId, 'Downloading', 'Downloaded', 'SignatureVerified');
    await tx.ended('StopAuthorized', { idToken: idToken(TOKENS.valid), stoppedReason: 'Local' });
    await notify(peer, requestId, 'Installing', 'InstallRebooting');
    await reboot(peer);
    await notify(peer, requestId, 'Installed');
    expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({ active: false });
  });

  describe('publishing firmware (local controller)', () => {
    const publish = async (peer: StationPeer) => {
      const asked = peer.answer('PublishFirmware', { status: 'Accepted' });
      const result = await op().command(
        `publishFirmware(chargingStationId: ${str(peer.id)}, input: { location: "https://firmware.example.com/lc.bin", checksum: ${str(CHECKSUM)}, retries: 2 })`,
      );
      expect(result).toEqual({ status: 'Accepted', data: { requestId: expect.any(Number) } });
      expect(await asked).toEqual({
        location: 'https://firmware.example.com/lc.bin',
        checksum: CHECKSUM,
        requestId: result.data?.requestId,
        retries: 2,
      });
      return result.data?.requestId as number;
    };
    const publishStatus = async (peer: StationPeer, requestId: number, ...statuses: string[]) => {
      for (const status of statuses) {
        const notification = {
          status,
          requestId,
          ...(status === 'Published' ? { location: ['http://192.168.0.10/lc.bin'] } : {}),
        };
        expect(await peer.call('PublishFirmwareStatusNotification', notification)).toEqual({});
      }
      const stored = await op().notifications(peer.id, 'PublishFirmwareStatusNotification');
      expect(stored.map((entry) => entry.status).reverse()).toEqual(statuses);
    };

    it('TC_L_17_CSMS Publish Firmware - Published', async () => {
      const peer = await station('L17');
      await publishStatus(
        peer,
        await publish(peer),
        'Downloading',
        'Downloaded',
        'ChecksumVerified',
        'Published',
      );
    });

    it.each([
      ['TC_L_19_CSMS Publish Firmware - Invalid Checksum', ['Downloading', 'Downloaded', 'InvalidChecksum']],
      [
        'TC_L_20_CSMS Publish Firmware - PublishFailed',
        ['Downloading', 'Downloaded', 'ChecksumVerified', 'PublishFailed'],
      ],
      ['TC_L_24_CSMS Publish Firmware - Download failed', ['Downloading', 'DownloadFailed']],
    ])('%s', async (name, statuses) => {
      const peer = await station(`L-${name.slice(5, 9)}`);
      await publishStatus(peer, await publish(peer), ...statuses);
    });

    it.each([
      ['TC_L_21_CSMS Unpublish Firmware - Unpublished', 'Unpublished'],
      ['TC_L_22_CSMS Unpublish Firmware - NoFirmware', 'NoFirmware'],
      ['TC_L_23_CSMS Unpublish Firmware - Download Ongoing', 'DownloadOngoing'],
    ])('%s', async (_name, answer) => {
      const peer = await station(`L-unpublish-${answer}`);
      const asked = peer.answer('UnpublishFirmware', { status: answer });
      expect(
        await op().command(
          `unpublishFirmware(chargingStationId: ${str(peer.id)}, checksum: ${str(CHECKSUM)})`,
        ),
      ).toEqual({
        status: answer,
      });
      expect(await asked).toEqual({ checksum: CHECKSUM });
    });
  });
});
