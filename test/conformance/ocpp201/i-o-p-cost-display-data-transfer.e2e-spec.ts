import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import { bootedStation201, charging201, energy, now, status201 } from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { eventually } from '../../support/users';
import { Payload, StationPeer } from '../support/station-peer';

const DISPLAY_FIELDS =
  'id priority state startDateTime endDateTime ocppTransactionId format language content source';

/** A message as a station reports it (NotifyDisplayMessages.messageInfo). */
const messageInfo = (id: number, content: string, extra: Payload = {}): Payload => ({
  id,
  priority: 'NormalCycle',
  message: { format: 'UTF8', content },
  ...extra,
});

/** 0.20 EUR/kWh plus 20 % VAT: 0.24 EUR per kWh to the driver. */
const TARIFF = {
  name: 'OCTT tariff',
  currency: 'EUR',
  elements: [{ priceComponents: [{ type: 'ENERGY', price: 0.2, vat: 20, stepSize: 1 }] }],
};

/** OCTT 2.0.1 blocks I (tariff and cost), O (display messages) and P (data transfer). */
describe('OCTT OCPP 2.0.1 I, O, P – Tariff and Cost, Display Message, Data Transfer (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string) => bootedStation201(app, name);

  beforeAll(async () => {
    app = await startConformanceApp('octt201-iop');
  });
  afterAll(() => app?.close());

  describe('O – Display Message', () => {
    /** The operator sets `input` (GraphQL literal); the station answers `status`. */
    const setMessage = async (peer: StationPeer, input: string, status: string) => {
      const asked = peer.answer('SetDisplayMessage', { status });
      const result = await op().command(
        `setDisplayMessage(chargingStationId: ${str(peer.id)}, input: ${input})`,
      );
      expect(result.status).toBe(status);
      return (await asked).message as Payload;
    };
    const shown = (peer: StationPeer) =>
      op().query<Payload[]>(
        `chargingStationDisplayMessages(chargingStationId: ${str(peer.id)}) { ${DISPLAY_FIELDS} }`,
      );
    /** The operator asks for messages (`filter`: GraphQL literal or ''); resolves with the request sent. */
    const getMessages = async (peer: StationPeer, filter: string, status: string) => {
      const asked = peer.answer('GetDisplayMessages', { status });
      const result = await op().command(
        `getDisplayMessages(chargingStationId: ${str(peer.id)}${filter ? `, filter: ${filter}` : ''})`,
      );
      expect(result.status).toBe(status);
      const request = await asked;
      expect(request.requestId).toBe(result.data?.requestId);
      return request;
    };

    it('TC_O_01_CSMS Set Display Message - Success', async () => {
      const peer = await station('O01');
      expect(
        await setMessage(
          peer,
          '{ id: 1, priority: NormalCycle, format: UTF8, language: "en", content: "Welcome – 0.24 €/kWh" }',
          'Accepted',
        ),
      ).toEqual({
        id: 1,
        priority: 'NormalCycle',
        message: { format: 'UTF8', language: 'en', content: 'Welcome – 0.24 €/kWh' },
      });
      expect(await shown(peer)).toEqual([
        expect.objectContaining({ id: 1, content: 'Welcome – 0.24 €/kWh', language: 'en', source: 'Set' }),
      ]);
    });

    it('refuses a display message the station could not take with BAD_USER_INPUT, sending nothing', async () => {
      const peer = await station('O-bad');
      expect(
        await op().refusal(
          `setDisplayMessage(chargingStationId: ${str(peer.id)}, input: { id: 1, priority: InFront, format: ASCII, content: ${str('x'.repeat(513))} }) { status }`,
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        await op().refusal(
          `setDisplayMessage(chargingStationId: ${str(peer.id)}, input: { id: -1, priority: InFront, format: ASCII, content: "x" }) { status }`,
        ),
      ).toBe('BAD_USER_INPUT');
      expect(peer.received).toEqual([]);
    });

    it('TC_O_02_CSMS Get all Display Messages - Success', async () => {
      const peer = await station('O02');
      // Set earlier, but no longer on the station: the full report is the truth.
      await setMessage(peer, '{ id: 9, priority: InFront, format: ASCII, content: "Old" }', 'Accepted');
      const request = await getMessages(peer, '', 'Accepted');
      expect(request).toEqual({ requestId: request.requestId });
      const requestId = request.requestId as number;
      expect(
        await peer.call('NotifyDisplayMessages', {
          requestId,
          tbc: true,
          messageInfo: [messageInfo(1, 'One')],
        }),
      ).toEqual({});
      expect(
        await peer.call('NotifyDisplayMessages', {
          requestId,
          messageInfo: [messageInfo(2, 'Two', { priority: 'AlwaysFront', state: 'Idle' })],
        }),
      ).toEqual({});
      expect(await shown(peer)).toEqual([
        expect.objectContaining({ id: 1, content: 'One', source: 'Reported' }),
        expect.objectContaining({ id: 2, content: 'Two', priority: 'AlwaysFront', state: 'Idle' }),
      ]);
      expect(await op().notifications(peer.id, 'NotifyDisplayMessages')).toHaveLength(2);
    });

    it('TC_O_03_CSMS Get all Display Messages - No DisplayMessages configured', async () => {
      const peer = await station('O03');
      await setMessage(peer, '{ id: 3, priority: InFront, format: ASCII, content: "Gone" }', 'Accepted');
      expect(await getMessages(peer, '', 'Unknown')).toEqual({ requestId: expect.any(Number) });
      expect(await shown(peer)).toEqual([]);
    });

    it('TC_O_04_CSMS Clear Display Message - Success', async () => {
      const peer = await station('O04');
      await setMessage(peer, '{ id: 4, priority: InFront, format: ASCII, content: "Clear me" }', 'Accepted');
      await setMessage(peer, '{ id: 5, priority: InFront, format: ASCII, content: "Keep me" }', 'Accepted');
      const asked = peer.answer('ClearDisplayMessage', { status: 'Accepted' });
      expect(await op().command(`clearDisplayMessage(chargingStationId: ${str(peer.id)}, id: 4)`)).toEqual({
        status: 'Accepted',
      });
      expect(await asked).toEqual({ id: 4 });
      expect((await shown(peer)).map((message) => message.id)).toEqual([5]);
    });

    it('TC_O_05_CSMS Clear Display Message - Unknown Key', async () => {
      const peer = await station('O05');
      const asked = peer.answer('ClearDisplayMessage', { status: 'Unknown' });
      expect(await op().command(`clearDisplayMessage(chargingStationId: ${str(peer.id)}, id: 77)`)).toEqual({
        status: 'Unknown',
      });
      expect(await asked).toEqual({ id: 77 });
    });

    it('TC_O_06_CSMS Set Display Message - Specific transaction - Success', async () => {
      const peer = await station('O06');
      const tx = await charging201(peer, TOKENS.valid);
      expect(
        await setMessage(
          peer,
          `{ id: 6, priority: InFront, format: UTF8, content: "Your session", ocppTransactionId: ${str(tx.transactionId)} }`,
          'Accepted',
        ),
      ).toMatchObject({ id: 6, transactionId: tx.transactionId });
      expect(await shown(peer)).toEqual([
        expect.objectContaining({ id: 6, ocppTransactionId: tx.transactionId }),
      ]);
      // The station drops it when the transaction ends; so does our view of its display.
      await tx.ended('StopAuthorized', {
        stoppedReason: 'Local',
        meterValue: [energy(100, 'Transaction.End')],
      });
      await eventually(
        () => shown(peer),
        (messages) => messages.length === 0,
        15_000,
      );
    });

    it('lists no message whose endDateTime has passed', async () => {
      const peer = await station('O-expired');
      const past = new Date(Date.now() - 60_000).toISOString();
      await setMessage(
        peer,
        `{ id: 1, priority: NormalCycle, format: ASCII, content: "Over", endDateTime: ${str(past)} }`,
        'Accepted',
      );
      await setMessage(
        peer,
        '{ id: 2, priority: NormalCycle, format: ASCII, content: "Still on" }',
        'Accepted',
      );
      expect((await shown(peer)).map((message) => message.id)).toEqual([2]);
    });

    it.each([
      ['TC_O_07_CSMS Get a Specific Display Message - Id', '{ ids: [7] }', { id: [7] }, {}],
      [
        'TC_O_08_CSMS Get a Specific Display Message - Priority',
        '{ priority: AlwaysFront }',
        { priority: 'AlwaysFront' },
        { priority: 'AlwaysFront' },
      ],
      [
        'TC_O_09_CSMS Get a Specific Display Message - State',
        '{ state: Charging }',
        { state: 'Charging' },
        { state: 'Charging' },
      ],
    ])('%s', async (name, filter, sent, reported) => {
      const peer = await station(`O-${name.slice(5, 9)}`);
      await setMessage(
        peer,
        '{ id: 70, priority: NormalCycle, format: ASCII, content: "Other" }',
        'Accepted',
      );
      const { requestId, ...request } = await getMessages(peer, filter, 'Accepted');
      expect(request).toEqual(sent);
      expect(
        await peer.call('NotifyDisplayMessages', {
          requestId,
          messageInfo: [messageInfo(7, 'Seven', reported)],
        }),
      ).toEqual({});
      // A filtered report says nothing of the other messages: they stay.
      expect(await shown(peer)).toEqual([
        expect.objectContaining({ id: 7, content: 'Seven', source: 'Reported', ...reported }),
        expect.objectContaining({ id: 70, content: 'Other', source: 'Set' }),
      ]);
    });

    it('TC_O_10_CSMS Set Display Message - Specific transaction - UnknownTransaction', async () => {
      const peer = await station('O10');
      expect(
        await setMessage(
          peer,
          '{ id: 10, priority: InFront, format: UTF8, content: "Nobody", ocppTransactionId: "no-such-tx" }',
          'UnknownTransaction',
        ),
      ).toMatchObject({ transactionId: 'no-such-tx' });
      expect(await shown(peer)).toEqual([]);
    });

    it('TC_O_11_CSMS Get a Specific Display Message - Unknown parameters', async () => {
      const peer = await station('O11');
      await setMessage(
        peer,
        '{ id: 11, priority: NormalCycle, format: ASCII, content: "Stays" }',
        'Accepted',
      );
      expect(await getMessages(peer, '{ ids: [404], priority: InFront }', 'Unknown')).toMatchObject({
        id: [404],
        priority: 'InFront',
      });
      // Nothing matched a filter: that says nothing of the other messages.
      expect((await shown(peer)).map((message) => message.id)).toEqual([11]);
    });

    it('TC_O_12_CSMS Set Display Message - Replace DisplayMessage', async () => {
      const peer = await station('O12');
      await setMessage(
        peer,
        '{ id: 12, priority: NormalCycle, format: ASCII, content: "First" }',
        'Accepted',
      );
      await setMessage(peer, '{ id: 12, priority: InFront, format: ASCII, content: "Second" }', 'Accepted');
      expect(await shown(peer)).toEqual([
        expect.objectContaining({ id: 12, priority: 'InFront', content: 'Second' }),
      ]);
    });

    const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

    it.each([
      ['TC_O_13_CSMS Set Display Message - Display message at StartTime', 'startDateTime', inAMinute],
      ['TC_O_14_CSMS Set Display Message - Remove message after EndTime', 'endDateTime', inAnHour],
    ])('%s', async (name, field, when) => {
      const peer = await station(`O-${name.slice(5, 9)}`);
      const at = when();
      expect(
        await setMessage(
          peer,
          `{ id: 13, priority: NormalCycle, format: UTF8, content: "Timed", ${field}: ${str(at)} }`,
          'Accepted',
        ),
      ).toMatchObject({ [field]: at });
      expect(await shown(peer)).toEqual([expect.objectContaining({ [field]: at })]);
    });

    it.each([
      [
        'TC_O_27_CSMS Set Display Message - Specific transaction - Display message at StartTime',
        'startDateTime',
        inAMinute,
      ],
      [
        'TC_O_28_CSMS Set Display Message - Specific transaction - Remove message after EndTime',
        'endDateTime',
        inAnHour,
      ],
    ])('%s', async (name, field, when) => {
      const peer = await station(`O-${name.slice(5, 9)}`);
      const tx = await charging201(peer, TOKENS.valid);
      const at = when();
      expect(
        await setMessage(
          peer,
          `{ id: 27, priority: InFront, format: UTF8, content: "Timed", ocppTransactionId: ${str(tx.transactionId)}, ${field}: ${str(at)} }`,
          'Accepted',
        ),
      ).toMatchObject({ transactionId: tx.transactionId, [field]: at });
    });

    it.each([
      ['TC_O_17_CSMS Set Display Message - NotSupportedPriority', 'NotSupportedPriority'],
      ['TC_O_18_CSMS Set Display Message - NotSupportedState', 'NotSupportedState'],
      ['TC_O_19_CSMS Set Display Message - NotSupportedMessageFormat', 'NotSupportedMessageFormat'],
      ['TC_O_26_CSMS Set Display Message - Rejected', 'Rejected'],
    ])('%s', async (name, answer) => {
      const peer = await station(`O-${name.slice(5, 9)}`);
      await setMessage(
        peer,
        '{ id: 17, priority: AlwaysFront, state: Faulted, format: HTML, content: "<b>x</b>" }',
        answer,
      );
      // Not taken by the station: not on its display.
      expect(await shown(peer)).toEqual([]);
    });

    it('TC_O_25_CSMS Set Display Message - Send Specific state', async () => {
      const peer = await station('O25');
      expect(
        await setMessage(
          peer,
          '{ id: 25, priority: NormalCycle, state: Charging, format: ASCII, content: "Charging" }',
          'Accepted',
        ),
      ).toMatchObject({ id: 25, state: 'Charging' });
      expect(await shown(peer)).toEqual([expect.objectContaining({ id: 25, state: 'Charging' })]);
    });
  });

  describe('P – Data Transfer', () => {
    it('TC_P_02_CSMS Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId', async () => {
      const peer = await station('P02');
      // No module of ours understands this vendor: UnknownVendorId, and the connection lives on.
      for (const data of [undefined, 'text', { nested: [1, 2, { deep: true }] }]) {
        expect(
          await peer.call('DataTransfer', {
            vendorId: 'com.octt.unknown',
            messageId: 'Ping',
            ...(data === undefined ? {} : { data }),
          }),
        ).toEqual({ status: 'UnknownVendorId' });
      }
      expect(await peer.call('Heartbeat')).toEqual({ currentTime: expect.any(String) });
    });

    it('TC_P_03_CSMS CustomData - Receive custom data', async () => {
      const peer = await station('P03');
      const customData = { vendorId: 'com.octt', note: 'ignored by the CSMS', level: { deep: [1, 2] } };
      expect(
        await peer.call('StatusNotification', {
          timestamp: now(),
          connectorStatus: 'Occupied',
          evseId: 1,
          connectorId: 1,
          customData,
        }),
      ).toEqual({});
      const tx = await charging201(peer, TOKENS.valid, 'p03');
      expect(await tx.updated('MeterValuePeriodic', { meterValue: [energy(1500)], customData })).toEqual({});
      expect(await op().transactionOf(peer.id, tx.transactionId)).toMatchObject({
        active: true,
        tagId: TOKENS.valid,
        energyWh: 1500,
      });
      expect((await op().station(peer.id)).connectors).toEqual(
        expect.arrayContaining([expect.objectContaining({ connectorId: 1, status: 'Occupied' })]),
      );
    });
  });

  // Last: from here on the tenant prices every session.
  describe('I – Tariff and Cost', () => {
    beforeAll(async () => {
      const { id } = await op()
        .gql.data<{ createTariff: { id: string } }>(
          'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
          { input: TARIFF },
        )
        .then((data) => data.createTariff);
      await op().gql.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
        input: { tariffId: id, level: 'TENANT' },
      });
    });

    it('TC_I_01_CSMS Show EV Driver running total cost during charging - costUpdatedRequest', async () => {
      const peer = await station('I01');
      const tx = await charging201(peer, TOKENS.valid, 'i01');
      const costUpdated = peer.answer('CostUpdated', {});
      // The answer to the meter values carries the cost so far; CostUpdated follows on its own.
      expect(await tx.updated('MeterValuePeriodic', { meterValue: [energy(3000)] })).toEqual({
        totalCost: 0.72,
      });
      expect(await costUpdated).toEqual({ transactionId: tx.transactionId, totalCost: 0.72 });
    });

    it('TC_I_02_CSMS Show EV Driver Final Total Cost After Charging', async () => {
      const peer = await station('I02');
      const tx = await charging201(peer, TOKENS.valid, 'i02');
      const costUpdated = peer.answer('CostUpdated', {});
      await tx.updated('MeterValuePeriodic', { meterValue: [energy(2000)] });
      expect(await costUpdated).toEqual({ transactionId: tx.transactionId, totalCost: 0.48 });
      expect(
        await tx.ended('StopAuthorized', {
          stoppedReason: 'Local',
          chargingState: 'EVConnected',
          meterValue: [energy(5000, 'Transaction.End')],
        }),
      ).toEqual({ totalCost: 1.2 });
      await status201(peer, 1, 'Available');
    });
  });
});
