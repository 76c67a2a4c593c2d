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
const GROUP = { idToken: TOKENS.group, type: 'Central' };

/** A signed sample as a meter with OCMF output sends it (the CSMS need not verify it). */
const signedEnergy = (registerWh: number, context: string): Payload => ({
  timestamp: now(),
  sampledValue: [
    {
      value: registerWh,
      context,
      measurand: 'Energy.Active.Import.Register',
      unitOfMeasure: { unit: 'Wh' },
      signedMeterValue: {
        signedMeterData: Buffer.from(`OCMF|{"RD":[{"RV":${registerWh / 1000}}]}`).toString('base64'),
        signingMethod: 'ECDSA-secp256r1-SHA256',
        encodingMethod: 'OCMF',
        publicKey: 'UFVCTElDLUtFWQ==',
      },
    },
  ],
});

/** OCTT 2.0.1 blocks H (reservation) and J (meter values); block I (cost) is the pricing module's. */
describe('OCTT OCPP 2.0.1 H – Reservation, J – Meter Values (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string, evses = 1) => bootedStation201(app, name, evses);

  beforeAll(async () => {
    app = await startConformanceApp('octt201-hj');
  });
  afterAll(() => app?.close());

  describe('H – Reservation', () => {
    /** ReserveNow through GraphQL; resolves with what the station received. */
    const reserve = async (peer: StationPeer, input: string, answer = 'Accepted') => {
      const asked = peer.answer('ReserveNow', { status: answer });
      expect(await op().command(`reserveNow(chargingStationId: ${str(peer.id)}, input: ${input})`)).toEqual({
        status: answer,
      });
      return asked;
    };
    const reservation = (id: number, evse: number, extra = '', tag: string = TOKENS.valid) =>
      `{ reservationId: ${id}, connectorId: ${evse}, tagId: ${str(tag)}, expiryDate: ${str(now(3600))}${extra} }`;

    it('TC_H_01_CSMS Reserve a specific EVSE - Accepted - Valid idToken', async () => {
      const peer = await station('H01');
      expect(await reserve(peer, reservation(101, 1))).toEqual({
        id: 101,
        expiryDateTime: expect.any(String),
        idToken: valid,
        evseId: 1,
      });
      expect(await status201(peer, 1, 'Reserved')).toEqual({});
      expect((await op().station(peer.id)).connectors).toEqual([
        { connectorId: 1, status: 'Reserved', errorCode: null },
      ]);
    });

    it('TC_H_07_CSMS Reserve a specific EVSE - Reservation Ended / not used', async () => {
      const peer = await station('H07');
      await reserve(peer, reservation(107, 1));
      await status201(peer, 1, 'Reserved');
      const update = { reservationId: 107, reservationUpdateStatus: 'Expired' };
      expect(await peer.call('ReservationStatusUpdate', update)).toEqual({});
      expect(await status201(peer, 1, 'Available')).toEqual({});
      expect(await op().notifications(peer.id, 'ReservationStatusUpdate')).toEqual([update]);
    });

    it('TC_H_08_CSMS Reserve an unspecified EVSE - Accepted', async () => {
      const peer = await station('H08', 2);
      expect(await reserve(peer, reservation(108, 0))).toEqual({
        id: 108,
        expiryDateTime: expect.any(String),
        idToken: valid,
      });
    });

    it('TC_H_14_CSMS Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations', async () => {
      const peer = await station('H14', 2);
      for (const id of [141, 142]) expect(await reserve(peer, reservation(id, 0))).toMatchObject({ id });
      for (const evseId of [1, 2]) expect(await status201(peer, evseId, 'Reserved')).toEqual({});
    });

    it('TC_H_15_CSMS Reserve a connector with a specific type - Success', async () => {
      const peer = await station('H15', 2);
      expect(await reserve(peer, reservation(115, 0, ', connectorType: "cCCS2"'))).toEqual({
        id: 115,
        expiryDateTime: expect.any(String),
        idToken: valid,
        connectorType: 'cCCS2',
      });
    });

    it('TC_H_17_CSMS Cancel reservation of an EVSE - Success', async () => {
      const peer = await station('H17');
      await reserve(peer, reservation(117, 1));
      await status201(peer, 1, 'Reserved');
      const cancel = peer.answer('CancelReservation', { status: 'Accepted' });
      expect(
        await op().command(`cancelReservation(chargingStationId: ${str(peer.id)}, reservationId: 117)`),
      ).toEqual({
        status: 'Accepted',
      });
      expect(await cancel).toEqual({ reservationId: 117 });
      expect(await status201(peer, 1, 'Available')).toEqual({});
    });

    it('TC_H_19_CSMS Reserve a specific EVSE - Use a reserved EVSE with GroupId', async () => {
      const peer = await station('H19');
      expect(await reserve(peer, reservation(119, 1, '', TOKENS.groupA))).toEqual({
        id: 119,
        expiryDateTime: expect.any(String),
        idToken: idToken(TOKENS.groupA),
        evseId: 1,
        groupIdToken: GROUP,
      });
      await status201(peer, 1, 'Reserved');
      expect(await peer.call('Authorize', { idToken: idToken(TOKENS.groupB) })).toEqual({
        idTokenInfo: { status: 'Accepted', groupIdToken: GROUP },
      });
      const tx = new Tx201(peer, newTransactionId('h19'));
      expect(
        await tx.started('Authorized', {
          idToken: idToken(TOKENS.groupB),
          reservationId: 119,
          chargingState: 'EVConnected',
        }),
      ).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: GROUP } });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        reservationId: 119,
        active: true,
      });
    });

    it('TC_H_20_CSMS Charging Station cancels reservation when Faulted', async () => {
      const peer = await station('H20');
      await reserve(peer, reservation(120, 1));
      await status201(peer, 1, 'Reserved');
      expect(await status201(peer, 1, 'Faulted')).toEqual({});
      const update = { reservationId: 120, reservationUpdateStatus: 'Removed' };
      expect(await peer.call('ReservationStatusUpdate', update)).toEqual({});
      expect(await op().notifications(peer.id, 'ReservationStatusUpdate')).toEqual([update]);
    });

    it('TC_H_22_CSMS Reserve a specific EVSE - Configured to Reject', async () => {
      const peer = await station('H22');
      await reserve(peer, reservation(122, 1), 'Rejected');
    });
  });

  describe('J – Meter Values', () => {
    const consumptionsOf = async (peer: StationPeer, tx: Tx201) => {
      const session = await op().transactionOf(peer.id, tx.transactionId);
      const found = await op().query<{ consumptions: { cumulatedWh: number }[]; energyWh: number }>(
        `transaction(id: ${str(session?.id as string)}) { energyWh consumptions { cumulatedWh } }`,
      );
      return found;
    };

    it('TC_J_01_CSMS Clock-aligned Meter Values - No transaction ongoing', async () => {
      const peer = await station('J01');
      for (const evseId of [0, 1]) {
        expect(
          await peer.call('MeterValues', { evseId, meterValue: [energy(10_000, 'Sample.Clock')] }),
        ).toEqual({});
      }
    });

    it('TC_J_02_CSMS Clock-aligned Meter Values - Transaction ongoing', async () => {
      const peer = await station('J02', 2);
      const tx = await charging201(peer, TOKENS.valid);
      expect(
        await peer.call('MeterValues', { evseId: 2, meterValue: [energy(700, 'Sample.Clock')] }),
      ).toEqual({});
      expect(await tx.updated('MeterValueClock', { meterValue: [energy(1500, 'Sample.Clock')] })).toEqual({});
      expect(await consumptionsOf(peer, tx)).toMatchObject({ energyWh: 1500 });
    });

    it('TC_J_03_CSMS Clock-aligned Meter Values - EventType Ended', async () => {
      const peer = await station('J03');
      const tx = await charging201(peer, TOKENS.valid);
      const values = [energy(900, 'Sample.Clock', now(-1)), energy(1000, 'Transaction.End')];
      expect(
        await tx.ended('StopAuthorized', { idToken: valid, stoppedReason: 'Local', meterValue: values }),
      ).toEqual({
        idTokenInfo: { status: 'Accepted' },
      });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        active: false,
        meterStopWh: 1000,
      });
    });

    it('TC_J_04_CSMS Clock-aligned Meter Values - Signed', async () => {
      const peer = await station('J04');
      const tx = await charging201(peer, TOKENS.valid);
      expect(
        await tx.updated('MeterValueClock', { meterValue: [signedEnergy(2500, 'Sample.Clock')] }),
      ).toEqual({});
      expect(
        await peer.call('MeterValues', { evseId: 0, meterValue: [signedEnergy(2500, 'Sample.Clock')] }),
      ).toEqual({});
      expect(await consumptionsOf(peer, tx)).toMatchObject({ energyWh: 2500 });
    });

    it('TC_J_07_CSMS Sampled Meter Values - EventType Started - EVSE known', async () => {
      const peer = await station('J07');
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('j07'));
      await tx.started('Authorized', {
        idToken: valid,
        chargingState: 'Charging',
        meterValue: [energy(1234, 'Transaction.Begin')],
      });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        meterStartWh: 1234,
        connectorId: 1,
      });
    });

    it('TC_J_08_CSMS Sampled Meter Values - Context Transaction.Begin - EVSE not known', async () => {
      const peer = await station('J08');
      const tx = new Tx201(peer, newTransactionId('j08'));
      expect(await tx.started('Authorized', { idToken: valid, withoutEvse: true })).toEqual({
        idTokenInfo: { status: 'Accepted' },
      });
      await status201(peer, 1, 'Occupied');
      expect(
        await tx.updated('CablePluggedIn', {
          chargingState: 'EVConnected',
          meterValue: [energy(300, 'Transaction.Begin')],
        }),
      ).toEqual({});
      expect(
        await tx.updated('ChargingStateChanged', { chargingState: 'Charging', meterValue: [energy(800)] }),
      ).toEqual({});
      expect(await consumptionsOf(peer, tx)).toMatchObject({ energyWh: 800 });
      // The session learnt its EVSE from the event that first carried it.
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({ connectorId: 1 });
    });

    it('TC_J_09_CSMS Sampled Meter Values - EventType Updated', async () => {
      const peer = await station('J09');
      const tx = await charging201(peer, TOKENS.valid);
      for (const wh of [100, 250, 400]) {
        expect(await tx.updated('MeterValuePeriodic', { meterValue: [energy(wh)] })).toEqual({});
      }
      const found = await consumptionsOf(peer, tx);
      expect(found.energyWh).toBe(400);
      expect(found.consumptions.map((point) => point.cumulatedWh)).toEqual(
        expect.arrayContaining([100, 250, 400]),
      );
    });

    it('TC_J_10_CSMS Sampled Meter Values - EventType Ended', async () => {
      const peer = await station('J10');
      const tx = await charging201(peer, TOKENS.valid);
      await tx.updated('MeterValuePeriodic', { meterValue: [energy(500)] });
      const values = [energy(600, 'Sample.Periodic', now(-1)), energy(650, 'Transaction.End')];
      await tx.ended('EVCommunicationLost', { stoppedReason: 'EVDisconnected', meterValue: values });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        active: false,
        meterStopWh: 650,
        energyWh: 650,
      });
    });

    it('TC_J_11_CSMS Sampled Meter Values - Signed', async () => {
      const peer = await station('J11');
      await status201(peer, 1, 'Occupied');
      const tx = new Tx201(peer, newTransactionId('j11'));
      await tx.started('Authorized', {
        idToken: valid,
        chargingState: 'Charging',
        meterValue: [signedEnergy(100, 'Transaction.Begin')],
      });
      expect(
        await tx.updated('MeterValuePeriodic', { meterValue: [signedEnergy(900, 'Sample.Periodic')] }),
      ).toEqual({});
      await tx.ended('StopAuthorized', {
        idToken: valid,
        stoppedReason: 'Local',
        meterValue: [signedEnergy(1100, 'Transaction.End')],
      });
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        meterStartWh: 100,
        meterStopWh: 1100,
      });
    });
  });
});
