import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import {
  bootedStation201,
  charging201,
  energy,
  idToken,
  newTransactionId,
  now,
  status201,
  Tx201,
} from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { Payload, StationPeer } from '../support/station-peer';

const valid = idToken(TOKENS.valid);

/** OCTT 2.0.1 blocks F (remote control) and G (availability). */
describe('OCTT OCPP 2.0.1 F – Remote Control, G – Availability (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string, evses = 1) => bootedStation201(app, name, evses);

  beforeAll(async () => {
    app = await startConformanceApp('octt201-fg');
  });
  afterAll(() => app?.close());

  describe('F – Remote Control', () => {
    /** RequestStartTransaction through GraphQL; resolves with what the station received. */
    const remoteStart = async (peer: StationPeer, answer: Payload = { status: 'Accepted' }) => {
      const request = peer.answer('RequestStartTransaction', answer);
      const result = await op().command(
        `remoteStartTransaction(chargingStationId: ${str(peer.id)}, connectorId: 1, tagId: ${str(TOKENS.valid)})`,
      );
      const received = await request;
      expect(received).toEqual({ evseId: 1, idToken: valid, remoteStartId: expect.any(Number) });
      expect(result).toEqual({
        status: answer.status,
        data: expect.objectContaining({ remoteStartId: received.remoteStartId }),
      });
      return received.remoteStartId as number;
    };

    it('TC_F_01_CSMS Remote start transaction - Cable plugin first', async () => {
      const peer = await station('F01');
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('f01'));
      await tx.started('CablePluggedIn', {
        chargingState: 'EVConnected',
        meterValue: [energy(0, 'Transaction.Begin')],
      });
      const remoteStartId = await remoteStart(peer, { status: 'Accepted', transactionId: tx.transactionId });
      expect(
        await tx.updated('RemoteStart', { idToken: valid, remoteStartId, chargingState: 'Charging' }),
      ).toEqual({
        idTokenInfo: { status: 'Accepted' },
      });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        active: true,
        tagId: TOKENS.valid,
      });
    });

    it.each([
      ['TC_F_02_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is true', true],
      ['TC_F_03_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is false', false],
    ])('%s', async (name, authorizeFirst) => {
      const peer = await station(`F-${name.slice(5, 9)}`);
      const remoteStartId = await remoteStart(peer);
      if (authorizeFirst) {
        expect(await peer.call('Authorize', { idToken: valid })).toEqual({
          idTokenInfo: { status: 'Accepted' },
        });
      }
      const tx = new Tx201(peer, newTransactionId('f0x'));
      expect(await tx.started('RemoteStart', { idToken: valid, remoteStartId })).toEqual({
        idTokenInfo: { status: 'Accepted' },
      });
      await status201(peer, 1, 'Occupied');
      expect(await tx.updated('CablePluggedIn', { chargingState: 'Charging' })).toEqual({});
    });

    it('TC_F_04_CSMS Remote start transaction - Remote start first - Cable plugin timeout', async () => {
      const peer = await station('F04');
      const remoteStartId = await remoteStart(peer);
      const tx = new Tx201(peer, newTransactionId('f04'));
      await tx.started('RemoteStart', { idToken: valid, remoteStartId });
      expect(await tx.ended('EVConnectTimeout', { stoppedReason: 'Timeout' })).toEqual({});
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        active: false,
        stopReason: 'Timeout',
      });
    });

    it('TC_F_06_CSMS Remote unlock Connector - Without ongoing transaction - Accepted', async () => {
      const peer = await station('F06');
      const unlock = peer.answer('UnlockConnector', { status: 'Unlocked' });
      expect(
        await op().command(`unlockConnector(chargingStationId: ${str(peer.id)}, connectorId: 1)`),
      ).toEqual({
        status: 'Unlocked',
      });
      expect(await unlock).toEqual({ evseId: 1, connectorId: 1 });
    });

    /** TriggerMessage through GraphQL, answered `answer`; resolves with what the station received. */
    const trigger = async (peer: StationPeer, message: string, evseId?: number, answer = 'Accepted') => {
      const asked = peer.answer('TriggerMessage', { status: answer });
      expect(
        await op().command(
          `triggerMessage(chargingStationId: ${str(peer.id)}, message: ${str(message)}${evseId ? `, connectorId: ${evseId}` : ''})`,
        ),
      ).toEqual({ status: answer });
      return asked;
    };
    const meterValues = (peer: StationPeer, evseId: number) =>
      peer.call('MeterValues', { evseId, meterValue: [energy(4200 + evseId, 'Trigger')] });

    it('TC_F_11_CSMS Trigger message - MeterValues - Specific EVSE', async () => {
      const peer = await station('F11', 2);
      expect(await trigger(peer, 'MeterValues', 2)).toEqual({
        requestedMessage: 'MeterValues',
        evse: { id: 2 },
      });
      expect(await meterValues(peer, 2)).toEqual({});
    });

    it('TC_F_12_CSMS Trigger message - MeterValues - All EVSE', async () => {
      const peer = await station('F12', 2);
      expect(await trigger(peer, 'MeterValues')).toEqual({ requestedMessage: 'MeterValues' });
      for (const evseId of [1, 2]) expect(await meterValues(peer, evseId)).toEqual({});
    });

    it('TC_F_13_CSMS Trigger message - TransactionEvent - Specific EVSE', async () => {
      const peer = await station('F13', 2);
      const tx = await charging201(peer, TOKENS.valid);
      expect(await trigger(peer, 'TransactionEvent', 1)).toEqual({
        requestedMessage: 'TransactionEvent',
        evse: { id: 1 },
      });
      expect(await tx.updated('Trigger', { chargingState: 'Charging', meterValue: [energy(50)] })).toEqual(
        {},
      );
    });

    it('TC_F_14_CSMS Trigger message - TransactionEvent - All EVSE', async () => {
      const peer = await station('F14', 2);
      const first = await charging201(peer, TOKENS.valid);
      await status201(peer, 2, 'Occupied');
      const second = new Tx201(peer, newTransactionId('f14'), 2);
      await second.started('Authorized', { idToken: valid, chargingState: 'Charging' });
      expect(await trigger(peer, 'TransactionEvent')).toEqual({ requestedMessage: 'TransactionEvent' });
      for (const tx of [first, second])
        expect(await tx.updated('Trigger', { chargingState: 'Charging' })).toEqual({});
    });

    it('TC_F_15_CSMS Trigger message - LogStatusNotification - Idle', async () => {
      const peer = await station('F15');
      expect(await trigger(peer, 'LogStatusNotification')).toEqual({
        requestedMessage: 'LogStatusNotification',
      });
      expect(await peer.call('LogStatusNotification', { status: 'Idle' })).toEqual({});
      expect(await op().station(peer.id)).toMatchObject({ diagnosticsStatus: 'Idle' });
    });

    it('TC_F_18_CSMS Trigger message - FirmwareStatusNotification - Idle', async () => {
      const peer = await station('F18');
      expect(await trigger(peer, 'FirmwareStatusNotification')).toEqual({
        requestedMessage: 'FirmwareStatusNotification',
      });
      expect(await peer.call('FirmwareStatusNotification', { status: 'Idle' })).toEqual({});
      expect(await op().station(peer.id)).toMatchObject({ firmwareStatus: 'Idle' });
    });

    it('TC_F_20_CSMS Trigger message - Heartbeat', async () => {
      const peer = await station('F20');
      expect(await trigger(peer, 'Heartbeat')).toEqual({ requestedMessage: 'Heartbeat' });
      expect(await peer.call('Heartbeat', {})).toEqual({ currentTime: expect.any(String) });
    });

    it.each([
      ['TC_F_23_CSMS Trigger message - StatusNotification - Specific EVSE - Available', 'Available'],
      ['TC_F_24_CSMS Trigger message - StatusNotification - Specific EVSE - Occupied', 'Occupied'],
    ])('%s', async (_name, connectorStatus) => {
      const peer = await station(`F-status-${connectorStatus}`);
      if (connectorStatus === 'Occupied') await status201(peer, 1, 'Occupied');
      expect(await trigger(peer, 'StatusNotification', 1)).toEqual({
        requestedMessage: 'StatusNotification',
        evse: { id: 1, connectorId: 1 },
      });
      expect(await status201(peer, 1, connectorStatus)).toEqual({});
      const event = {
        generatedAt: now(),
        seqNo: 0,
        eventData: [
          {
            eventId: 7,
            timestamp: now(),
            trigger: 'Delta',
            actualValue: connectorStatus,
            eventNotificationType: 'HardWiredNotification',
            component: { name: 'Connector', evse: { id: 1, connectorId: 1 } },
            variable: { name: 'AvailabilityState' },
          },
        ],
      };
      expect(await peer.call('NotifyEvent', event)).toEqual({});
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: connectorStatus, errorCode: null },
      ]);
    });

    it('TC_F_27_CSMS Trigger message - NotImplemented', async () => {
      const peer = await station('F27');
      await trigger(peer, 'SignV2GCertificate', undefined, 'NotImplemented');
    });
  });

  describe('G – Availability', () => {
    /** ChangeAvailability through GraphQL; resolves with what the station received. */
    const change = async (peer: StationPeer, field: string, answer: string) => {
      const asked = peer.answer('ChangeAvailability', { status: answer });
      expect(await op().command(field)).toEqual({ status: answer });
      return asked;
    };
    const evse = (peer: StationPeer, id: number, type: string) =>
      `changeAvailability(chargingStationId: ${str(peer.id)}, connectorId: ${id}, type: ${type})`;
    const connector = (peer: StationPeer, type: string) =>
      `changeConnectorAvailability(chargingStationId: ${str(peer.id)}, evseId: 1, connectorId: 1, type: ${type})`;

    it.each([
      [
        'TC_G_03_CSMS Change Availability EVSE - Operative to inoperative',
        1,
        'INOPERATIVE',
        'Inoperative',
        'Unavailable',
      ],
      [
        'TC_G_04_CSMS Change Availability EVSE - Inoperative to operative',
        1,
        'OPERATIVE',
        'Operative',
        'Available',
      ],
      [
        'TC_G_05_CSMS Change Availability Charging Station - Operative to inoperative',
        0,
        'INOPERATIVE',
        'Inoperative',
        'Unavailable',
      ],
      [
        'TC_G_06_CSMS Change Availability Charging Station - Inoperative to operative',
        0,
        'OPERATIVE',
        'Operative',
        'Available',
      ],
    ])('%s', async (name, evseId, type, operationalStatus, connectorStatus) => {
      const peer = await station(`G-${name.slice(5, 9)}`);
      expect(await change(peer, evse(peer, evseId, type), 'Accepted')).toEqual({
        operationalStatus,
        ...(evseId ? { evse: { id: evseId } } : {}),
      });
      expect(await status201(peer, 1, connectorStatus)).toEqual({});
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: connectorStatus, errorCode: null },
      ]);
    });

    it.each([
      [
        'TC_G_07_CSMS Change Availability Connector - Operative to inoperative',
        'INOPERATIVE',
        'Inoperative',
        'Unavailable',
      ],
      [
        'TC_G_08_CSMS Change Availability Connector - Inoperative to operative',
        'OPERATIVE',
        'Operative',
        'Available',
      ],
    ])('%s', async (name, type, operationalStatus, connectorStatus) => {
      const peer = await station(`G-${name.slice(5, 9)}`);
      expect(await change(peer, connector(peer, type), 'Accepted')).toEqual({
        operationalStatus,
        evse: { id: 1, connectorId: 1 },
      });
      expect(await status201(peer, 1, connectorStatus)).toEqual({});
    });

    it.each([
      ['TC_G_11_CSMS Change Availability EVSE - With ongoing transaction', 'evse'],
      ['TC_G_14_CSMS Change Availability Charging Station - With ongoing transaction', 'station'],
      ['TC_G_17_CSMS Change Availability Connector - With ongoing transaction', 'connector'],
    ])('%s', async (name, scope) => {
      const peer = await station(`G-${name.slice(5, 9)}`);
      const tx = await charging201(peer, TOKENS.valid);
      const field =
        scope === 'connector'
          ? connector(peer, 'INOPERATIVE')
          : evse(peer, scope === 'evse' ? 1 : 0, 'INOPERATIVE');
      await change(peer, field, 'Scheduled');
      await tx.ended('StopAuthorized', { idToken: valid, stoppedReason: 'Local' });
      expect(await status201(peer, 1, 'Unavailable')).toEqual({});
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: 'Unavailable', errorCode: null },
      ]);
    });

    it('TC_G_20_CSMS Connector status Notification - Lock Failure', async () => {
      const peer = await station('G20');
      const event = {
        generatedAt: now(),
        seqNo: 0,
        eventData: [
          {
            eventId: 20,
            timestamp: now(),
            trigger: 'Alerting',
            actualValue: 'true',
            eventNotificationType: 'HardWiredMonitor',
            component: { name: 'ConnectorPlugRetentionLock', evse: { id: 1, connectorId: 1 } },
            variable: { name: 'Problem' },
          },
        ],
      };
      expect(await peer.call('NotifyEvent', event)).toEqual({});
      expect(await op().notifications(peer.id, 'NotifyEvent')).toEqual([event]);
    });
  });
});
