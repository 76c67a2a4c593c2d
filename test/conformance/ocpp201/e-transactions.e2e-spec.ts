import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import {
  bootedStation201,
  charging201,
  energy,
  idToken,
  newTransactionId,
  status201,
  Tx201,
} from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { StationPeer } from '../support/station-peer';

const ACCEPTED = { idTokenInfo: { status: 'Accepted' } };
const valid = idToken(TOKENS.valid);

/** OCTT 2.0.1 block E: the start and stop points of transactions, and their status. */
describe('OCTT OCPP 2.0.1 E – Transactions (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string) => bootedStation201(app, name);
  const newTx = (peer: StationPeer) => new Tx201(peer, newTransactionId(peer.id));
  const sessionOf = async (peer: StationPeer, tx: Tx201) =>
    (await op().transactionOf(peer.id, tx.transactionId)) ?? {};
  const stopped = async (
    peer: StationPeer,
    tx: Tx201,
    stopReason: string,
    extra: Record<string, unknown> = {},
  ) => expect(await sessionOf(peer, tx)).toMatchObject({ active: false, stopReason, ...extra });

  beforeAll(async () => {
    app = await startConformanceApp('octt201-e');
  });
  afterAll(() => app?.close());

  it('TC_E_01_CSMS Start transaction options - PowerPathClosed', async () => {
    const peer = await station('E01');
    await status201(peer, 1, 'Occupied');
    expect(await peer.call('Authorize', { idToken: valid })).toEqual(ACCEPTED);
    const tx = newTx(peer);
    expect(
      await tx.started('ChargingStateChanged', {
        idToken: valid,
        chargingState: 'SuspendedEVSE',
        meterValue: [energy(1000, 'Transaction.Begin')],
      }),
    ).toEqual(ACCEPTED);
    expect(await tx.updated('ChargingStateChanged', { chargingState: 'Charging' })).toEqual({});
    expect(await sessionOf(peer, tx)).toMatchObject({
      active: true,
      tagId: TOKENS.valid,
      meterStartWh: 1000,
    });
  });

  it('TC_E_02_CSMS Start transaction options - EnergyTransfer', async () => {
    const peer = await station('E02');
    await status201(peer, 1, 'Occupied');
    await peer.call('Authorize', { idToken: valid });
    const tx = newTx(peer);
    expect(
      await tx.started('ChargingStateChanged', {
        idToken: valid,
        chargingState: 'Charging',
        meterValue: [energy(0, 'Transaction.Begin')],
      }),
    ).toEqual(ACCEPTED);
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true });
  });

  it('TC_E_03_CSMS Local start transaction - Cable plugin first - Success', async () => {
    const peer = await station('E03');
    await status201(peer, 1, 'Occupied');
    const tx = newTx(peer);
    expect(
      await tx.started('CablePluggedIn', {
        chargingState: 'EVConnected',
        meterValue: [energy(5, 'Transaction.Begin')],
      }),
    ).toEqual({});
    expect(await peer.call('Authorize', { idToken: valid })).toEqual(ACCEPTED);
    expect(await tx.updated('Authorized', { idToken: valid })).toEqual(ACCEPTED);
    expect(await tx.updated('ChargingStateChanged', { chargingState: 'Charging' })).toEqual({});
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true, tagId: TOKENS.valid, meterStartWh: 5 });
  });

  it('TC_E_04_CSMS Local start transaction - Authorization first - Success', async () => {
    const peer = await station('E04');
    expect(await peer.call('Authorize', { idToken: valid })).toEqual(ACCEPTED);
    const tx = newTx(peer);
    expect(await tx.started('Authorized', { idToken: valid, withoutEvse: true })).toEqual(ACCEPTED);
    await status201(peer, 1, 'Occupied');
    expect(await tx.updated('CablePluggedIn', { chargingState: 'EVConnected' })).toEqual({});
    expect(await tx.updated('ChargingStateChanged', { chargingState: 'Charging' })).toEqual({});
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true, connectorId: 1 });
  });

  it('TC_E_07_CSMS Stop transaction options - PowerPathClosed - Local stop', async () => {
    const peer = await station('E07');
    const tx = await charging201(peer, TOKENS.valid);
    expect(
      await tx.ended('StopAuthorized', {
        idToken: valid,
        stoppedReason: 'Local',
        chargingState: 'EVConnected',
        meterValue: [energy(3000, 'Transaction.End')],
      }),
    ).toEqual(ACCEPTED);
    await stopped(peer, tx, 'Local', { meterStopWh: 3000 });
  });

  it('TC_E_08_CSMS Stop transaction options - EnergyTransfer stopped - StopAuthorized', async () => {
    const peer = await station('E08');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.updated('StopAuthorized', { idToken: valid, chargingState: 'EVConnected' })).toEqual(
      ACCEPTED,
    );
    expect(
      await tx.ended('ChargingStateChanged', { stoppedReason: 'Local', chargingState: 'EVConnected' }),
    ).toEqual({});
    await stopped(peer, tx, 'Local');
  });

  it('TC_E_09_CSMS Start transaction options - EVConnected', async () => {
    const peer = await station('E09');
    await status201(peer, 1, 'Occupied');
    const tx = newTx(peer);
    expect(await tx.started('CablePluggedIn', { chargingState: 'EVConnected' })).toEqual({});
    expect(await peer.call('Authorize', { idToken: valid })).toEqual(ACCEPTED);
    expect(await tx.updated('Authorized', { idToken: valid, chargingState: 'Charging' })).toEqual(ACCEPTED);
  });

  it('TC_E_10_CSMS Start transaction options - Authorized - Local', async () => {
    const peer = await station('E10');
    const tx = newTx(peer);
    expect(await tx.started('Authorized', { idToken: valid })).toEqual(ACCEPTED);
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true, tagId: TOKENS.valid });
  });

  it('TC_E_11_CSMS Start transaction options - DataSigned', async () => {
    const peer = await station('E11');
    await status201(peer, 1, 'Occupied');
    const tx = newTx(peer);
    const signed = {
      timestamp: new Date().toISOString(),
      sampledValue: [
        {
          value: 120,
          context: 'Transaction.Begin',
          measurand: 'Energy.Active.Import.Register',
          unitOfMeasure: { unit: 'Wh' },
          signedMeterValue: {
            signedMeterData: 'T0NNRi1TSUdORUQtREFUQQ==',
            signingMethod: 'ECDSA-secp256r1-SHA256',
            encodingMethod: 'OCMF',
            publicKey: 'UFVCTElDLUtFWQ==',
          },
        },
      ],
    };
    expect(
      await tx.started('SignedDataReceived', {
        idToken: valid,
        chargingState: 'Charging',
        meterValue: [signed],
      }),
    ).toEqual(ACCEPTED);
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true, meterStartWh: 120 });
  });

  it('TC_E_12_CSMS Start transaction options - ParkingBayOccupied', async () => {
    const peer = await station('E12');
    const tx = newTx(peer);
    expect(await tx.started('EVDetected', { chargingState: 'Idle' })).toEqual({});
    await status201(peer, 1, 'Occupied');
    expect(await peer.call('Authorize', { idToken: valid })).toEqual(ACCEPTED);
    expect(await tx.updated('Authorized', { idToken: valid, chargingState: 'EVConnected' })).toEqual(
      ACCEPTED,
    );
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true });
  });

  it.each([
    ['TC_E_14_CSMS Stop transaction options - EVDisconnected - Charging Station side', 'EVCommunicationLost'],
    [
      'TC_E_20_CSMS Stop transaction options - EVDisconnected - EV side (able to charge IEC 61851-1 EV)',
      'EVCommunicationLost',
    ],
  ])('%s', async (name, trigger) => {
    const peer = await station(`E-${name.slice(5, 9)}`);
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.ended(trigger, { stoppedReason: 'EVDisconnected', chargingState: 'Idle' })).toEqual({});
    await status201(peer, 1, 'Available');
    await stopped(peer, tx, 'EVDisconnected');
  });

  it('TC_E_15_CSMS Stop transaction options - StopAuthorized - Local', async () => {
    const peer = await station('E15');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.ended('StopAuthorized', { idToken: valid, stoppedReason: 'Local' })).toEqual(ACCEPTED);
    await stopped(peer, tx, 'Local');
  });

  it('TC_E_16_CSMS Stop transaction options - Deauthorized - Invalid idToken', async () => {
    const peer = await station('E16');
    await status201(peer, 1, 'Occupied');
    const tx = newTx(peer);
    const answer = await tx.started('Authorized', {
      idToken: idToken(TOKENS.invalid),
      chargingState: 'EVConnected',
    });
    expect(['Invalid', 'Unknown']).toContain(answer.idTokenInfo.status);
    expect(await tx.ended('Deauthorized', { stoppedReason: 'DeAuthorized' })).toEqual({});
    await stopped(peer, tx, 'DeAuthorized');
  });

  it('TC_E_17_CSMS Stop transaction options - Deauthorized - EV side disconnect', async () => {
    const peer = await station('E17');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.updated('EVCommunicationLost', { chargingState: 'Idle' })).toEqual({});
    expect(await tx.ended('Deauthorized', { stoppedReason: 'EVDisconnected' })).toEqual({});
    await stopped(peer, tx, 'EVDisconnected');
  });

  it('TC_E_19_CSMS Stop transaction options - ParkingBayUnoccupied', async () => {
    const peer = await station('E19');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.updated('EVCommunicationLost', { chargingState: 'Idle' })).toEqual({});
    expect(await tx.ended('EVDeparted', { stoppedReason: 'EVDisconnected' })).toEqual({});
    await stopped(peer, tx, 'EVDisconnected');
  });

  it('TC_E_21_CSMS Stop transaction options - StopAuthorized - Remote', async () => {
    const peer = await station('E21');
    const tx = await charging201(peer, TOKENS.valid);
    const session = await sessionOf(peer, tx);
    const request = peer.answer('RequestStopTransaction', { status: 'Accepted' });
    expect(await op().command(`remoteStopTransaction(transactionId: ${str(session.id as string)})`)).toEqual({
      status: 'Accepted',
    });
    expect(await request).toEqual({ transactionId: tx.transactionId });
    expect(await tx.ended('RemoteStop', { stoppedReason: 'Remote' })).toEqual({});
    await stopped(peer, tx, 'Remote');
  });

  it('TC_E_22_CSMS Stop transaction options - EnergyTransfer stopped - SuspendedEV', async () => {
    const peer = await station('E22');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.updated('ChargingStateChanged', { chargingState: 'SuspendedEV' })).toEqual({});
    expect(
      await tx.ended('ChargingStateChanged', { stoppedReason: 'StoppedByEV', chargingState: 'SuspendedEV' }),
    ).toEqual({});
    await stopped(peer, tx, 'StoppedByEV');
  });

  it('TC_E_26_CSMS Disconnect cable on EV-side - Suspend transaction', async () => {
    const peer = await station('E26');
    const tx = await charging201(peer, TOKENS.valid);
    expect(await tx.updated('EVCommunicationLost', { chargingState: 'Idle' })).toEqual({});
    await status201(peer, 1, 'Available');
    await status201(peer, 1, 'Occupied');
    expect(await tx.updated('CablePluggedIn', { chargingState: 'EVConnected' })).toEqual({});
    expect(
      await tx.updated('ChargingStateChanged', { chargingState: 'Charging', meterValue: [energy(200)] }),
    ).toEqual({});
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true, energyWh: 200 });
  });

  const transactionStatus = async (
    peer: StationPeer,
    transactionId: string | undefined,
    answer: Record<string, unknown>,
  ) => {
    const asked = peer.answer('GetTransactionStatus', answer);
    const result = await op().command(
      `getTransactionStatus(chargingStationId: ${str(peer.id)}${transactionId ? `, ocppTransactionId: ${str(transactionId)}` : ''})`,
    );
    expect(await asked).toEqual(transactionId ? { transactionId } : {});
    return result;
  };

  it.each([
    [
      'TC_E_29_CSMS Check Transaction status - Transaction with id ongoing - with message in queue',
      true,
      true,
      'Ongoing',
    ],
    [
      'TC_E_30_CSMS Check Transaction status - Transaction with id ongoing - without message in queue',
      true,
      false,
      'Ongoing',
    ],
    [
      'TC_E_31_CSMS Check Transaction status - Transaction with id ended - with message in queue',
      false,
      true,
      'NotOngoing',
    ],
  ])('%s', async (name, ongoingIndicator, messagesInQueue, status) => {
    const peer = await station(`E-${name.slice(5, 9)}`);
    const tx = await charging201(peer, TOKENS.valid);
    expect(await transactionStatus(peer, tx.transactionId, { ongoingIndicator, messagesInQueue })).toEqual({
      status,
      data: { messagesInQueue },
    });
  });

  it.each([
    ['TC_E_33_CSMS Check Transaction status - Without transactionId - with message in queue', true],
    ['TC_E_34_CSMS Check Transaction status - Without transactionId - without message in queue', false],
  ])('%s', async (name, messagesInQueue) => {
    const peer = await station(`E-${name.slice(5, 9)}`);
    expect(await transactionStatus(peer, undefined, { messagesInQueue })).toEqual({
      status: 'Unknown',
      data: { messagesInQueue },
    });
  });

  it('TC_E_38_CSMS Local start transaction - EV not ready', async () => {
    const peer = await station('E38');
    await status201(peer, 1, 'Occupied');
    const tx = newTx(peer);
    expect(await tx.started('Authorized', { idToken: valid, chargingState: 'EVConnected' })).toEqual(
      ACCEPTED,
    );
    expect(await tx.updated('ChargingStateChanged', { chargingState: 'SuspendedEV' })).toEqual({});
    expect(await sessionOf(peer, tx)).toMatchObject({ active: true });
  });

  it('TC_E_39_CSMS Stop transaction options - Deauthorized - timeout', async () => {
    const peer = await station('E39');
    const tx = newTx(peer);
    expect(await tx.started('Authorized', { idToken: valid })).toEqual(ACCEPTED);
    expect(await tx.ended('EVConnectTimeout', { stoppedReason: 'Timeout' })).toEqual({});
    await stopped(peer, tx, 'Timeout');
  });

  it('TC_E_53_CSMS Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction', async () => {
    const peer = await station('E53');
    const first = await charging201(peer, TOKENS.valid);
    await first.ended('StopAuthorized', { idToken: valid, stoppedReason: 'Local' });
    const second = newTx(peer);
    expect(second.seqNo).toBe(0);
    expect(await second.started('Authorized', { idToken: valid, chargingState: 'Charging' })).toEqual(
      ACCEPTED,
    );
    expect(await sessionOf(peer, second)).toMatchObject({ active: true });
    await stopped(peer, first, 'Local');
  });
});
