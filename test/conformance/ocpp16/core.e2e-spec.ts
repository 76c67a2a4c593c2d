import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import {
  boot16,
  bootAndReport16,
  charging16,
  now,
  OCPP16,
  start16,
  status16,
  stop16,
} from '../support/ocpp16-steps';
import { str } from '../support/operator';
import { StationPeer } from '../support/station-peer';

/** OCTT 1.6-J Core: boot, charging sessions, cache, remote actions, reset, unlock, configuration, non-happy flows. */
describe('OCTT OCPP 1.6-J Core (CSMS under test)', () => {
  let app: ConformanceApp;
  const station = async (name: string): Promise<StationPeer> => {
    const peer = await app.station(`OCTT16-${name}`, OCPP16);
    await bootAndReport16(peer);
    return peer;
  };
  const op = () => app.operator;
  const sessionOf = async (peer: StationPeer, transactionId: number) => {
    const found = await op().transactionOf(peer.id, String(transactionId));
    if (!found) throw new Error(`No session ${transactionId} of ${peer.id}`);
    return found;
  };

  beforeAll(async () => {
    app = await startConformanceApp('octt16-core');
  });
  afterAll(() => app?.close());

  describe('Core – boot, charging sessions, cache', () => {
    it('TC_001_CSMS Cold Boot Charge Point', async () => {
      const peer = await app.station('OCTT16-001', OCPP16);
      const boot = await boot16(peer);
      expect(boot).toEqual({
        status: 'Accepted',
        currentTime: expect.any(String),
        interval: expect.any(Number),
      });
      expect(boot.interval).toBeGreaterThan(0);
      expect(Math.abs(Date.parse(boot.currentTime as string) - Date.now())).toBeLessThan(60_000);
      for (const connectorId of [0, 1, 2]) {
        expect(await status16(peer, connectorId, 'Available')).toEqual({});
      }
      expect(await peer.call('Heartbeat', {})).toEqual({ currentTime: expect.any(String) });
      expect(await op().station(peer.id)).toMatchObject({
        online: true,
        ocppVersion: '1.6',
        connectors: [
          { connectorId: 1, status: 'Available' },
          { connectorId: 2, status: 'Available' },
        ],
      });
    });

    it('TC_003_CSMS Regular Charging Session – Plugin First', async () => {
      const peer = await station('003');
      await status16(peer, 1, 'Preparing');
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      const started = await start16(peer, { idTag: TOKENS.valid, meterStart: 1000 });
      expect(started).toEqual({ transactionId: expect.any(Number), idTagInfo: { status: 'Accepted' } });
      await status16(peer, 1, 'Charging');
      expect(await sessionOf(peer, started.transactionId)).toMatchObject({
        active: true,
        tagId: TOKENS.valid,
        connectorId: 1,
        meterStartWh: 1000,
      });
    });

    it('TC_004_1_CSMS Regular Charging Session – Identification First', async () => {
      const peer = await station('004-1');
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.valid });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      await status16(peer, 1, 'Charging');
      expect(await sessionOf(peer, started.transactionId)).toMatchObject({ active: true });
    });

    it('TC_004_2_CSMS Regular Charging Session – Identification First – ConnectionTimeOut', async () => {
      const peer = await station('004-2');
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      await status16(peer, 1, 'Preparing');
      await status16(peer, 1, 'Available');
      const state = await op().station(peer.id);
      expect(state.connectors).toEqual([{ connectorId: 1, status: 'Available', errorCode: 'NoError' }]);
      expect(await op().transactionsOf(peer.id)).toEqual([]);
    });

    it('TC_005_1_CSMS EV Side Disconnected (StopTransactionOnEVSideDisconnect = true, UnlockConnectorOnEVSideDisconnect = true)', async () => {
      const peer = await station('005-1');
      const transactionId = await charging16(peer, TOKENS.valid);
      await status16(peer, 1, 'SuspendedEV');
      const stopped = await stop16(peer, {
        transactionId,
        meterStop: 2500,
        reason: 'EVDisconnected',
        idTag: TOKENS.valid,
      });
      expect(stopped).toEqual({ idTagInfo: { status: 'Accepted' } });
      await status16(peer, 1, 'Finishing');
      await status16(peer, 1, 'Available');
      expect(await sessionOf(peer, transactionId)).toMatchObject({
        active: false,
        stopReason: 'EVDisconnected',
        meterStopWh: 2500,
      });
    });

    it('TC_007_CSMS Regular Start Charging Session – Cached Id', async () => {
      const peer = await station('007');
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.valid });
      expect(started).toEqual({ transactionId: expect.any(Number), idTagInfo: { status: 'Accepted' } });
      await status16(peer, 1, 'Charging');
    });

    it('TC_061_CSMS Clear Authorization Data in Authorization Cache', async () => {
      const peer = await station('061');
      const clear = peer.answer('ClearCache', { status: 'Accepted' });
      expect(await op().command(`clearCache(chargingStationId: ${str(peer.id)})`)).toEqual({
        status: 'Accepted',
      });
      expect(await clear).toEqual({});
    });
  });

  describe('Core – remote actions, reset, unlock, configuration', () => {
    it('TC_010_CSMS Remote Start Charging Session – Cable Plugged in First', async () => {
      const peer = await station('010');
      await status16(peer, 1, 'Preparing');
      const remoteStart = peer.answer('RemoteStartTransaction', { status: 'Accepted' });
      const result = await op().command(
        `remoteStartTransaction(chargingStationId: ${str(peer.id)}, connectorId: 1, tagId: ${str(TOKENS.valid)})`,
      );
      expect(result).toEqual({ status: 'Accepted' });
      expect(await remoteStart).toEqual({ connectorId: 1, idTag: TOKENS.valid });
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      const started = await start16(peer, { idTag: TOKENS.valid });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      await status16(peer, 1, 'Charging');
    });

    it('TC_011_1_CSMS Remote Start Charging Session – Remote Start First', async () => {
      const peer = await station('011-1');
      const remoteStart = peer.answer('RemoteStartTransaction', { status: 'Accepted' });
      await op().command(
        `remoteStartTransaction(chargingStationId: ${str(peer.id)}, tagId: ${str(TOKENS.valid)})`,
      );
      expect(await remoteStart).toEqual({ idTag: TOKENS.valid });
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      await status16(peer, 1, 'Preparing');
      const started = await start16(peer, { idTag: TOKENS.valid });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      await status16(peer, 1, 'Charging');
      expect(await sessionOf(peer, started.transactionId)).toMatchObject({
        active: true,
        tagId: TOKENS.valid,
      });
    });

    it('TC_011_2_CSMS Remote Start Charging Session – Time Out', async () => {
      const peer = await station('011-2');
      const remoteStart = peer.answer('RemoteStartTransaction', { status: 'Accepted' });
      expect(
        await op().command(
          `remoteStartTransaction(chargingStationId: ${str(peer.id)}, connectorId: 1, tagId: ${str(TOKENS.valid)})`,
        ),
      ).toEqual({ status: 'Accepted' });
      await remoteStart;
      await status16(peer, 1, 'Preparing');
      await status16(peer, 1, 'Available');
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: 'Available', errorCode: 'NoError' },
      ]);
    });

    it('TC_012_CSMS Remote Stop Charging Session', async () => {
      const peer = await station('012');
      const transactionId = await charging16(peer, TOKENS.valid);
      const session = await sessionOf(peer, transactionId);
      const remoteStop = peer.answer('RemoteStopTransaction', { status: 'Accepted' });
      expect(
        await op().command(`remoteStopTransaction(transactionId: ${str(session.id as string)})`),
      ).toEqual({
        status: 'Accepted',
      });
      expect(await remoteStop).toEqual({ transactionId });
      await stop16(peer, { transactionId, meterStop: 1200, reason: 'Remote' });
      await status16(peer, 1, 'Finishing');
      await status16(peer, 1, 'Available');
      expect(await sessionOf(peer, transactionId)).toMatchObject({ active: false, stopReason: 'Remote' });
    });

    it.each([
      ['TC_013_CSMS Hard Reset', 'HARD', 'Hard'],
      ['TC_014_CSMS Soft Reset', 'SOFT', 'Soft'],
    ])('%s', async (_name, type, ocppType) => {
      const peer = await station(`reset-${ocppType}`);
      const reset = peer.answer('Reset', { status: 'Accepted' });
      expect(await op().command(`reset(chargingStationId: ${str(peer.id)}, type: ${type})`)).toEqual({
        status: 'Accepted',
      });
      expect(await reset).toEqual({ type: ocppType });
      const boot = await bootAndReport16(peer);
      expect(boot.status).toBe('Accepted');
    });

    it.each([
      ['TC_017_1_CSMS Unlock connector – no charging session running (Not fixed cable)', 'Unlocked'],
      ['TC_017_2_CSMS Unlock connector – no charging session running (Fixed cable)', 'NotSupported'],
      ['TC_030_CSMS Unlock Connector – Unlock Failure', 'UnlockFailed'],
    ])('%s', async (_name, answer) => {
      const peer = await station(`unlock-${answer}`);
      const unlock = peer.answer('UnlockConnector', { status: answer });
      expect(
        await op().command(`unlockConnector(chargingStationId: ${str(peer.id)}, connectorId: 1)`),
      ).toEqual({
        status: answer,
      });
      expect(await unlock).toEqual({ connectorId: 1 });
    });

    it('TC_018_1_CSMS Unlock connector – with charging session (Not fixed cable)', async () => {
      const peer = await station('018-1');
      const transactionId = await charging16(peer, TOKENS.valid);
      const unlock = peer.answer('UnlockConnector', { status: 'Unlocked' });
      expect(
        await op().command(`unlockConnector(chargingStationId: ${str(peer.id)}, connectorId: 1)`),
      ).toEqual({
        status: 'Unlocked',
      });
      await unlock;
      await stop16(peer, { transactionId, meterStop: 300, reason: 'UnlockCommand' });
      await status16(peer, 1, 'Finishing');
      await status16(peer, 1, 'Available');
      expect(await sessionOf(peer, transactionId)).toMatchObject({
        active: false,
        stopReason: 'UnlockCommand',
      });
    });

    it('TC_019_1_CSMS Retrieve all configuration keys', async () => {
      const peer = await station('019-1');
      const configuration = [
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
        { key: 'SupportedFeatureProfiles', readonly: true, value: 'Core,SmartCharging' },
        { key: 'AuthorizationKey', readonly: false },
      ];
      const asked = peer.answer('GetConfiguration', { configurationKey: configuration });
      const keys = await op().mutate(
        `getConfiguration(chargingStationId: ${str(peer.id)}) { key value readonly }`,
      );
      expect(await asked).toEqual({});
      expect(keys).toEqual(configuration.map((entry) => ({ value: null, ...entry })));
    });

    it('TC_019_2_CSMS Retrieve specific configuration key', async () => {
      const peer = await station('019-2');
      const asked = peer.answer('GetConfiguration', {
        configurationKey: [{ key: 'SupportedFeatureProfiles', readonly: true, value: 'Core' }],
      });
      const keys = await op().mutate(
        `getConfiguration(chargingStationId: ${str(peer.id)}, keys: ["SupportedFeatureProfiles"]) { key value }`,
      );
      expect(await asked).toEqual({ key: ['SupportedFeatureProfiles'] });
      expect(keys).toEqual([{ key: 'SupportedFeatureProfiles', value: 'Core' }]);
    });

    it.each([
      ['TC_021_CSMS Change/set Configuration', 'MeterValueSampleInterval', '60', 'Accepted'],
      ['TC_040_1_CSMS Configuration Keys – NotSupported', 'OcttUnknownKey', '1', 'NotSupported'],
      ['TC_040_2_CSMS Configuration Keys – Invalid value', 'MeterValueSampleInterval', '-1', 'Rejected'],
    ])('%s', async (_name, key, value, answer) => {
      const peer = await station(`config-${answer}`);
      const change = peer.answer('ChangeConfiguration', { status: answer });
      expect(
        await op().command(
          `changeConfiguration(chargingStationId: ${str(peer.id)}, key: ${str(key)}, value: ${str(value)})`,
        ),
      ).toEqual({ status: answer });
      expect(await change).toEqual({ key, value });
    });
  });

  describe('Core – non-happy flows, power failure, offline', () => {
    it.each([
      ['TC_023_1_CSMS Start Charging Session – Authorize invalid', TOKENS.invalid, 'Invalid'],
      ['TC_023_2_CSMS Start Charging Session – Authorize expired', TOKENS.expired, 'Expired'],
      ['TC_023_3_CSMS Start Charging Session – Authorize blocked', TOKENS.blocked, 'Blocked'],
    ])('%s', async (_name, idTag, status) => {
      const peer = await station(`023-${status}`);
      await status16(peer, 1, 'Preparing');
      const answer = await peer.call('Authorize', { idTag });
      expect(answer.idTagInfo.status).toBe(status);
      await status16(peer, 1, 'Available');
    });

    it('TC_024_CSMS Start Charging Session – Lock Failure', async () => {
      const peer = await station('024');
      await status16(peer, 1, 'Preparing');
      expect(await peer.call('Authorize', { idTag: TOKENS.valid })).toEqual({
        idTagInfo: { status: 'Accepted' },
      });
      expect(await status16(peer, 1, 'Faulted', { errorCode: 'ConnectorLockFailure' })).toEqual({});
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: 'Faulted', errorCode: 'ConnectorLockFailure' },
      ]);
      expect(await op().transactionsOf(peer.id)).toEqual([]);
    });

    it('TC_026_CSMS Remote Start Charging Session – Rejected', async () => {
      const peer = await station('026');
      const remoteStart = peer.answer('RemoteStartTransaction', { status: 'Rejected' });
      expect(
        await op().command(
          `remoteStartTransaction(chargingStationId: ${str(peer.id)}, connectorId: 1, tagId: ${str(TOKENS.valid)})`,
        ),
      ).toEqual({ status: 'Rejected' });
      await remoteStart;
    });

    it('TC_028_CSMS Remote Stop Transaction – Rejected', async () => {
      const peer = await station('028');
      const transactionId = await charging16(peer, TOKENS.valid);
      const session = await sessionOf(peer, transactionId);
      const remoteStop = peer.answer('RemoteStopTransaction', { status: 'Rejected' });
      expect(
        await op().command(`remoteStopTransaction(transactionId: ${str(session.id as string)})`),
      ).toEqual({
        status: 'Rejected',
      });
      expect(await remoteStop).toEqual({ transactionId });
      expect(await sessionOf(peer, transactionId)).toMatchObject({ active: true });
    });

    it('TC_031_CSMS Unlock Connector – Unknown Connector', async () => {
      const peer = await station('031');
      const unlock = peer.answer('UnlockConnector', { status: 'NotSupported' });
      expect(
        await op().command(`unlockConnector(chargingStationId: ${str(peer.id)}, connectorId: 7)`),
      ).toEqual({
        status: 'NotSupported',
      });
      expect(await unlock).toEqual({ connectorId: 7 });
    });

    it('TC_032_1_CSMS Power failure boot charging point – stop transaction(s)', async () => {
      const peer = await station('032-1');
      const transactionId = await charging16(peer, TOKENS.valid);
      const boot = await boot16(peer);
      expect(boot.status).toBe('Accepted');
      await status16(peer, 0, 'Available');
      await status16(peer, 1, 'Finishing');
      expect(await stop16(peer, { transactionId, meterStop: 900, reason: 'PowerLoss' })).toEqual({});
      await status16(peer, 1, 'Available');
      expect(await sessionOf(peer, transactionId)).toMatchObject({
        active: false,
        stopReason: 'PowerLoss',
        meterStopWh: 900,
      });
    });

    it('TC_037_1_CSMS Offline Start Transaction – Valid IdTag', async () => {
      const peer = await station('037-1');
      const started = await start16(peer, { idTag: TOKENS.valid, timestamp: now(-3600) });
      expect(started).toEqual({ transactionId: expect.any(Number), idTagInfo: { status: 'Accepted' } });
      await status16(peer, 1, 'Charging');
      expect(await sessionOf(peer, started.transactionId)).toMatchObject({ active: true });
    });

    it('TC_037_3_CSMS Offline Start Transaction – Invalid IdTag (StopTransactionOnInvalidId = true)', async () => {
      const peer = await station('037-3');
      const started = await start16(peer, { idTag: TOKENS.invalid, timestamp: now(-600) });
      expect(started).toEqual({ transactionId: expect.any(Number), idTagInfo: { status: 'Invalid' } });
      await stop16(peer, { transactionId: started.transactionId, meterStop: 50, reason: 'DeAuthorized' });
      await status16(peer, 1, 'Finishing');
      expect(await sessionOf(peer, started.transactionId)).toMatchObject({
        active: false,
        stopReason: 'DeAuthorized',
      });
    });

    it('TC_039_CSMS Offline Transaction', async () => {
      const peer = await station('039');
      const started = await start16(peer, { idTag: TOKENS.valid, meterStart: 100, timestamp: now(-7200) });
      expect(started.idTagInfo).toEqual({ status: 'Accepted' });
      const stopped = await stop16(peer, {
        transactionId: started.transactionId,
        meterStop: 5100,
        idTag: TOKENS.valid,
        reason: 'Local',
        timestamp: now(-3600),
      });
      expect(stopped).toEqual({ idTagInfo: { status: 'Accepted' } });
      expect(await sessionOf(peer, started.transactionId)).toMatchObject({ active: false, energyWh: 5000 });
    });
  });
});
