import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import {
  boot16,
  bootAndReport16,
  charging16,
  meterValues16,
  now,
  OCPP16,
  start16,
  status16,
} from '../support/ocpp16-steps';
import { str } from '../support/operator';
import { StationPeer } from '../support/station-peer';

const TX_DEFAULT_PROFILE = `{ chargingProfileId: 11, stackLevel: 0, purpose: TxDefaultProfile, kind: Absolute,
  schedule: { rateUnit: A, startSchedule: "2030-01-01T00:00:00Z", periods: [{ startPeriod: 0, limit: 16 }] } }`;

/** OCTT 1.6-J: local authorization list, firmware, reservation, remote trigger, smart charging, data transfer. */
describe('OCTT OCPP 1.6-J feature profiles (CSMS under test)', () => {
  let app: ConformanceApp;
  const station = async (name: string): Promise<StationPeer> => {
    const peer = await app.station(`OCTT16-${name}`, OCPP16);
    await bootAndReport16(peer);
    return peer;
  };
  const op = () => app.operator;

  beforeAll(async () => {
    app = await startConformanceApp('octt16-features');
  });
  afterAll(() => app?.close());

  describe('Local Auth List Management', () => {
    it.each([
      ['TC_042_1_CSMS Get Local List Version – Not supported', -1],
      ['TC_042_2_CSMS Get Local List Version – Empty', 0],
    ])('%s', async (_name, listVersion) => {
      const peer = await station(`042-${listVersion}`);
      const asked = peer.answer('GetLocalListVersion', { listVersion });
      expect(await op().command(`getLocalListVersion(chargingStationId: ${str(peer.id)})`)).toEqual({
        status: 'Accepted',
        data: { listVersion },
      });
      expect(await asked).toEqual({});
    });

    it.each([
      ['TC_043_1_CSMS Send Local Authorization List – NotSupported', 'NotSupported'],
      ['TC_043_3_CSMS Send Local Authorization List – Failed', 'Failed'],
    ])('%s', async (_name, status) => {
      const peer = await station(`043-${status}`);
      const sent = peer.answer('SendLocalList', { status });
      expect(
        await op().command(
          `sendLocalList(chargingStationId: ${str(peer.id)}, input: { listVersion: 1, updateType: FULL, tagIds: [${str(TOKENS.valid)}] })`,
        ),
      ).toEqual({ status });
      await sent;
    });

    it('TC_043_4_CSMS Send Local Authorization List – Full', async () => {
      const peer = await station('043-4');
      const sent = peer.answer('SendLocalList', { status: 'Accepted' });
      expect(
        await op().command(
          `sendLocalList(chargingStationId: ${str(peer.id)}, input: { listVersion: 5, updateType: FULL, tagIds: [${str(TOKENS.valid)}, ${str(TOKENS.blocked)}, ${str(TOKENS.groupA)}] })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await sent).toEqual({
        listVersion: 5,
        updateType: 'Full',
        localAuthorizationList: [
          { idTag: TOKENS.valid, idTagInfo: { status: 'Accepted' } },
          { idTag: TOKENS.blocked, idTagInfo: { status: 'Blocked' } },
          { idTag: TOKENS.groupA, idTagInfo: { status: 'Accepted', parentIdTag: TOKENS.group } },
        ],
      });
    });

    it('TC_043_5_CSMS Send Local Authorization List – Differential', async () => {
      const peer = await station('043-5');
      const sent = peer.answer('SendLocalList', { status: 'Accepted' });
      expect(
        await op().command(
          `sendLocalList(chargingStationId: ${str(peer.id)}, input: { listVersion: 6, updateType: DIFFERENTIAL, tagIds: [${str(TOKENS.expired)}, "OCTT-REMOVED"] })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await sent).toEqual({
        listVersion: 6,
        updateType: 'Differential',
        localAuthorizationList: [
          { idTag: TOKENS.expired, idTagInfo: { status: 'Expired', expiryDate: '2020-01-01T00:00:00.000Z' } },
          { idTag: 'OCTT-REMOVED' },
        ],
      });
    });
  });

  describe('Firmware Management (firmware + diagnostics)', () => {
    const updateFirmware = async (peer: StationPeer) => {
      const update = peer.answer('UpdateFirmware', {});
      expect(
        await op().command(
          `updateFirmware(chargingStationId: ${str(peer.id)}, input: { location: "https://firmware.example.com/octt.bin", retrieveDate: ${str(now())} })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await update).toEqual({
        location: 'https://firmware.example.com/octt.bin',
        retrieveDate: expect.any(String),
      });
    };
    const firmwareStatus = (peer: StationPeer, status: string) =>
      peer.call('FirmwareStatusNotification', { status });

    it('TC_044_1_CSMS Firmware Update – Download and Install', async () => {
      const peer = await station('044-1');
      await updateFirmware(peer);
      for (const status of ['Downloading', 'Downloaded', 'Installing']) {
        expect(await firmwareStatus(peer, status)).toEqual({});
      }
      expect((await boot16(peer)).status).toBe('Accepted');
      expect(await firmwareStatus(peer, 'Installed')).toEqual({});
      expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: 'Installed' });
    });

    it('TC_044_2_CSMS Firmware Update – Download failed', async () => {
      const peer = await station('044-2');
      await updateFirmware(peer);
      await firmwareStatus(peer, 'Downloading');
      expect(await firmwareStatus(peer, 'DownloadFailed')).toEqual({});
      expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: 'DownloadFailed' });
    });

    it('TC_044_3_CSMS Firmware Update – Installation failed', async () => {
      const peer = await station('044-3');
      await updateFirmware(peer);
      for (const status of ['Downloading', 'Downloaded', 'Installing', 'InstallationFailed']) {
        expect(await firmwareStatus(peer, status)).toEqual({});
      }
      expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: 'InstallationFailed' });
    });

    it.each([
      ['TC_045_1_CSMS Get Diagnostics', 'Uploaded'],
      ['TC_045_2_CSMS Get Diagnostics – Upload failed', 'UploadFailed'],
    ])('%s', async (_name, outcome) => {
      const peer = await station(`045-${outcome}`);
      const asked = peer.answer('GetDiagnostics', { fileName: 'octt-diagnostics.zip' });
      expect(
        await op().command(
          `getDiagnostics(chargingStationId: ${str(peer.id)}, input: { location: "ftp://logs.example.com/octt/" })`,
        ),
      ).toEqual({ status: 'Accepted', data: { fileName: 'octt-diagnostics.zip' } });
      expect(await asked).toEqual({ location: 'ftp://logs.example.com/octt/' });
      if (outcome === 'Uploaded') await peer.call('DiagnosticsStatusNotification', { status: 'Uploading' });
      expect(await peer.call('DiagnosticsStatusNotification', { status: outcome })).toEqual({});
      expect(await op().station(peer.id)).toMatchObject({ diagnosticsStatus: outcome });
    });
  });

  describe('Reservation', () => {
    const reserve = async (
      peer: StationPeer,
      connectorId: number,
      reservationId: number,
      status: string,
      tag: string = TOKENS.valid,
    ) => {
      const reserved = peer.answer('ReserveNow', { status });
      const expiryDate = now(3600);
      expect(
        await op().command(
          `reserveNow(chargingStationId: ${str(peer.id)}, input: { connectorId: ${connectorId}, expiryDate: ${str(expiryDate)}, tagId: ${str(tag)}, reservationId: ${reservationId} })`,
        ),
      ).toEqual({ status });
      return reserved;
    };

    it('TC_046_CSMS Reservation of a Connector – Transaction', async () => {
      const peer = await station('046');
      expect(await reserve(peer, 1, 4601, 'Accepted')).toEqual({
        connectorId: 1,
        expiryDate: expect.any(String),
        idTag: TOKENS.valid,
        reservationId: 4601,
      });
      await status16(peer, 1, 'Reserved');
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.valid, reservationId: 4601 });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      await status16(peer, 1, 'Charging');
      expect(await op().transactionOf(peer.id, String(started.transactionId))).toMatchObject({
        reservationId: 4601,
      });
    });

    it('TC_047_CSMS Reservation of a Connector – Expire', async () => {
      const peer = await station('047');
      await reserve(peer, 1, 4701, 'Accepted');
      await status16(peer, 1, 'Reserved');
      await status16(peer, 1, 'Available');
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: 'Available', errorCode: 'NoError' },
      ]);
    });

    it.each([
      ['TC_048_1_CSMS Reservation of a Connector – Faulted', 'Faulted'],
      ['TC_048_2_CSMS Reservation of a Connector – Occupied', 'Occupied'],
      ['TC_048_4_CSMS Reservation of a Connector – Rejected', 'Rejected'],
    ])('%s', async (_name, status) => {
      const peer = await station(`048-${status}`);
      await reserve(peer, 1, 4800, status);
    });

    it('TC_048_3_CSMS Reservation of a Connector – Unavailable', async () => {
      const peer = await station('048-3');
      const availability = peer.answer('ChangeAvailability', { status: 'Accepted' });
      expect(
        await op().command(
          `changeAvailability(chargingStationId: ${str(peer.id)}, connectorId: 1, type: INOPERATIVE)`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await availability).toEqual({ connectorId: 1, type: 'Inoperative' });
      await status16(peer, 1, 'Unavailable');
      await reserve(peer, 1, 4803, 'Unavailable');
    });

    it('TC_049_CSMS Reservation of a Charge Point – Transaction', async () => {
      const peer = await station('049');
      expect(await reserve(peer, 0, 4901, 'Accepted')).toMatchObject({ connectorId: 0, reservationId: 4901 });
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.valid, reservationId: 4901 });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      await status16(peer, 1, 'Charging');
    });

    it('TC_051_CSMS Cancel Reservation', async () => {
      const peer = await station('051');
      await reserve(peer, 1, 5101, 'Accepted');
      await status16(peer, 1, 'Reserved');
      const cancel = peer.answer('CancelReservation', { status: 'Accepted' });
      expect(
        await op().command(`cancelReservation(chargingStationId: ${str(peer.id)}, reservationId: 5101)`),
      ).toEqual({ status: 'Accepted' });
      expect(await cancel).toEqual({ reservationId: 5101 });
      await status16(peer, 1, 'Available');
    });

    it('TC_052_CSMS Cancel Reservation – Rejected', async () => {
      const peer = await station('052');
      const cancel = peer.answer('CancelReservation', { status: 'Rejected' });
      expect(
        await op().command(`cancelReservation(chargingStationId: ${str(peer.id)}, reservationId: 5201)`),
      ).toEqual({ status: 'Rejected' });
      await cancel;
    });

    it('TC_053_CSMS Use a reserved Connector with parentIdTag', async () => {
      const peer = await station('053');
      expect(await reserve(peer, 1, 5301, 'Accepted', TOKENS.groupA)).toMatchObject({
        idTag: TOKENS.groupA,
        parentIdTag: TOKENS.group,
      });
      await status16(peer, 1, 'Reserved');
      expect(await peer.call('Authorize', { idTag: TOKENS.groupB })).toEqual({
        idTagInfo: { status: 'Accepted', parentIdTag: TOKENS.group },
      });
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.groupB, reservationId: 5301 });
      expect(started.idTagInfo).toEqual({ status: 'Accepted', parentIdTag: TOKENS.group });
      await status16(peer, 1, 'Charging');
      expect(await op().transactionOf(peer.id, String(started.transactionId))).toMatchObject({
        tagId: TOKENS.groupB,
        reservationId: 5301,
      });
    });
  });

  describe('Remote Trigger', () => {
    it('TC_054_CSMS Trigger Message', async () => {
      const peer = await station('054');
      const triggered: [string, (peer: StationPeer) => Promise<unknown>][] = [
        ['MeterValues', (p) => meterValues16(p, 1, undefined, 4200, 'Trigger')],
        ['Heartbeat', (p) => p.call('Heartbeat', {})],
        ['StatusNotification', (p) => status16(p, 1, 'Available')],
        ['DiagnosticsStatusNotification', (p) => p.call('DiagnosticsStatusNotification', { status: 'Idle' })],
        ['FirmwareStatusNotification', (p) => p.call('FirmwareStatusNotification', { status: 'Idle' })],
        ['BootNotification', (p) => boot16(p)],
      ];
      for (const [message, send] of triggered) {
        const trigger = peer.answer('TriggerMessage', { status: 'Accepted' });
        expect(
          await op().command(
            `triggerMessage(chargingStationId: ${str(peer.id)}, message: ${str(message)}, connectorId: 1)`,
          ),
        ).toEqual({ status: 'Accepted' });
        expect(await trigger).toEqual({ requestedMessage: message, connectorId: 1 });
        await expect(send(peer)).resolves.toBeDefined();
      }
      expect(await op().station(peer.id)).toMatchObject({
        firmwareStatus: 'Idle',
        diagnosticsStatus: 'Idle',
      });
    });

    it('TC_055_CSMS Trigger Message – Rejected', async () => {
      const peer = await station('055');
      const trigger = peer.answer('TriggerMessage', { status: 'Rejected' });
      expect(
        await op().command(
          `triggerMessage(chargingStationId: ${str(peer.id)}, message: "MeterValues", connectorId: 1)`,
        ),
      ).toEqual({ status: 'Rejected' });
      await trigger;
    });
  });

  describe('Smart Charging', () => {
    it('TC_056_CSMS Central Smart Charging – TxDefaultProfile', async () => {
      const peer = await station('056');
      const set = peer.answer('SetChargingProfile', { status: 'Accepted' });
      expect(
        await op().command(
          `setChargingProfile(chargingStationId: ${str(peer.id)}, connectorId: 1, profile: ${TX_DEFAULT_PROFILE})`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await set).toEqual({
        connectorId: 1,
        csChargingProfiles: {
          chargingProfileId: 11,
          stackLevel: 0,
          chargingProfilePurpose: 'TxDefaultProfile',
          chargingProfileKind: 'Absolute',
          chargingSchedule: {
            chargingRateUnit: 'A',
            startSchedule: '2030-01-01T00:00:00.000Z',
            chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
          },
        },
      });
    });

    it('TC_057_CSMS Central Smart Charging – TxProfile', async () => {
      const peer = await station('057');
      const transactionId = await charging16(peer, TOKENS.valid);
      const set = peer.answer('SetChargingProfile', { status: 'Accepted' });
      expect(
        await op().command(
          `setChargingProfile(chargingStationId: ${str(peer.id)}, connectorId: 1, profile: { chargingProfileId: 12, stackLevel: 1, purpose: TxProfile, kind: Relative, transactionId: ${transactionId}, schedule: { rateUnit: W, periods: [{ startPeriod: 0, limit: 6000 }] } })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await set).toMatchObject({
        connectorId: 1,
        csChargingProfiles: { chargingProfileId: 12, transactionId, chargingProfilePurpose: 'TxProfile' },
      });
    });

    it('TC_066_CSMS Get Composite Schedule', async () => {
      const peer = await station('066');
      const schedule = {
        duration: 300,
        startSchedule: now(),
        chargingRateUnit: 'A',
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
      };
      const asked = peer.answer('GetCompositeSchedule', {
        status: 'Accepted',
        connectorId: 1,
        scheduleStart: schedule.startSchedule,
        chargingSchedule: schedule,
      });
      const result = await op().command(
        `getCompositeSchedule(chargingStationId: ${str(peer.id)}, input: { connectorId: 1, duration: 300, rateUnit: A })`,
      );
      expect(await asked).toEqual({ connectorId: 1, duration: 300, chargingRateUnit: 'A' });
      expect(result.status).toBe('Accepted');
      expect(JSON.stringify(result.data)).toContain('"limit":16');
    });

    it('TC_067_CSMS Clear Charging Profile', async () => {
      const peer = await station('067');
      const set = peer.answer('SetChargingProfile', { status: 'Accepted' });
      await op().command(
        `setChargingProfile(chargingStationId: ${str(peer.id)}, connectorId: 1, profile: ${TX_DEFAULT_PROFILE})`,
      );
      await set;
      const clears = [
        peer.answer('ClearChargingProfile', { status: 'Accepted' }),
        peer.answer('ClearChargingProfile', { status: 'Accepted' }),
        peer.answer('ClearChargingProfile', { status: 'Unknown' }),
      ];
      const clear = (input: string) =>
        op().command(`clearChargingProfile(chargingStationId: ${str(peer.id)}${input})`);
      expect(await clear(', input: { id: 11 }')).toEqual({ status: 'Accepted' });
      expect(await clear(', input: { connectorId: 1, purpose: TxDefaultProfile, stackLevel: 0 }')).toEqual({
        status: 'Accepted',
      });
      expect(await clear('')).toEqual({ status: 'Unknown' });
      expect(await Promise.all(clears)).toEqual([
        { id: 11 },
        { connectorId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 },
        {},
      ]);
    });

    it('TC_059_CSMS Remote Start Transaction with Charging Profile', async () => {
      const peer = await station('059');
      const remoteStart = peer.answer('RemoteStartTransaction', { status: 'Accepted' });
      expect(
        await op().command(
          `remoteStartTransaction(chargingStationId: ${str(peer.id)}, connectorId: 1, tagId: ${str(TOKENS.valid)}, chargingProfile: { chargingProfileId: 13, stackLevel: 0, purpose: TxProfile, kind: Relative, schedule: { rateUnit: A, periods: [{ startPeriod: 0, limit: 10 }] } })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await remoteStart).toMatchObject({
        connectorId: 1,
        idTag: TOKENS.valid,
        chargingProfile: {
          chargingProfileId: 13,
          chargingProfilePurpose: 'TxProfile',
          chargingProfileKind: 'Relative',
        },
      });
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.valid });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      await status16(peer, 1, 'Charging');
    });
  });

  describe('Data Transfer (Core)', () => {
    it('TC_064_CSMS Data Transfer to a Central System', async () => {
      const peer = await station('064');
      const answer = await peer.call('DataTransfer', {
        vendorId: 'com.octt.unknown',
        messageId: 'Ping',
        data: 'x',
      });
      expect(['Rejected', 'UnknownVendorId', 'UnknownMessageId']).toContain(answer.status);
    });
  });
});
