import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import {
  boot201,
  bootedStation201,
  charging201,
  energy,
  now,
  OCPP201,
  status201,
} from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { Payload, StationPeer } from '../support/station-peer';

const address = (component: string, variable: string, instance?: string) => ({
  component: { name: component },
  variable: instance ? { name: variable, instance } : { name: variable },
});

/** A NotifyReport entry: the variable's Actual value as the station reports it. */
const reported = (component: string, variable: string, value: string, instance?: string) => ({
  ...address(component, variable, instance),
  variableAttribute: [{ type: 'Actual', value, mutability: 'ReadWrite' }],
  variableCharacteristics: { dataType: 'integer', supportsMonitoring: false },
});

/** Answers GetVariables with a value for each variable asked, and counts the requests. */
const valuesFor = (request: Payload) => ({
  getVariableResult: (request.getVariableData as Payload[]).map((data) => ({
    attributeStatus: 'Accepted',
    attributeValue: '60',
    component: data.component,
    variable: data.variable,
  })),
});

/** OCTT 2.0.1 block B: boot, device model, reports, reset, network profiles, subprotocols. */
describe('OCTT OCPP 2.0.1 B – Provisioning (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string, evses = 1) => bootedStation201(app, name, evses);
  const sessionOf = async (peer: StationPeer, transactionId: string) =>
    (await op().transactionOf(peer.id, transactionId)) ?? {};
  /** A station the operator holds back: its boot is answered Pending. */
  const pendingStation = async (name: string): Promise<StationPeer> => {
    const id = `OCTT201-${name}`;
    await op().mutate(`createChargingStation(input: { id: ${str(id)} }) { id }`);
    expect(
      await op().mutate(
        `setChargingStationRegistrationStatus(chargingStationId: ${str(id)}, status: PENDING) { registrationStatus }`,
      ),
    ).toEqual({ registrationStatus: 'PENDING' });
    const peer = await app.station(id, OCPP201);
    expect(await boot201(peer)).toMatchObject({ status: 'Pending', interval: expect.any(Number) });
    return peer;
  };

  beforeAll(async () => {
    app = await startConformanceApp('octt201-b');
  });
  afterAll(() => app?.close());

  it('TC_B_01_CSMS Cold Boot Charging Station - Accepted', async () => {
    const peer = await app.station('OCTT201-B01', OCPP201);
    const boot = await boot201(peer);
    expect(boot).toEqual({
      status: 'Accepted',
      currentTime: expect.any(String),
      interval: expect.any(Number),
    });
    for (const evseId of [1, 2]) expect(await status201(peer, evseId, 'Available')).toEqual({});
    const event = {
      generatedAt: now(),
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: now(),
          trigger: 'Delta',
          actualValue: 'Available',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'Connector', evse: { id: 1, connectorId: 1 } },
          variable: { name: 'AvailabilityState' },
        },
      ],
    };
    expect(await peer.call('NotifyEvent', event)).toEqual({});
    expect(await peer.call('Heartbeat', {})).toEqual({ currentTime: expect.any(String) });
    expect(await op().station(peer.id)).toMatchObject({
      online: true,
      ocppVersion: '2.0.1',
      connectors: [
        { connectorId: 1, status: 'Available' },
        { connectorId: 2, status: 'Available' },
      ],
    });
  });

  it('TC_B_02_CSMS Cold Boot Charging Station - Pending', async () => {
    const peer = await pendingStation('B02');
    const trigger = peer.answer('TriggerMessage', { status: 'Accepted' });
    expect(
      await op().mutate(
        `setChargingStationRegistrationStatus(chargingStationId: ${str(peer.id)}, status: ACCEPTED) { registrationStatus }`,
      ),
    ).toEqual({ registrationStatus: 'ACCEPTED' });
    expect(await trigger).toEqual({ requestedMessage: 'BootNotification' });
    expect(await boot201(peer, 'Triggered')).toMatchObject({ status: 'Accepted' });
    expect(await status201(peer, 1, 'Available')).toEqual({});
  });

  it('TC_B_06_CSMS Get Variables - single value', async () => {
    const peer = await station('B06');
    const asked = peer.answer('GetVariables', valuesFor);
    expect(
      await op().command(
        `getVariable(chargingStationId: ${str(peer.id)}, variable: { component: "OCPPCommCtrlr", variable: "OfflineThreshold" })`,
      ),
    ).toEqual({ status: 'Accepted', data: { value: '60' } });
    expect(await asked).toEqual({ getVariableData: [address('OCPPCommCtrlr', 'OfflineThreshold')] });
  });

  const variablesArg = (names: string[]) =>
    `[${names.map((name) => `{ component: "OCPPCommCtrlr", variable: ${str(name)} }`).join(', ')}]`;

  it('TC_B_07_CSMS Get Variables - multiple values', async () => {
    const peer = await station('B07');
    const asked = peer.answer('GetVariables', valuesFor);
    const results = await op().mutate<Payload[]>(
      `getVariables(chargingStationId: ${str(peer.id)}, variables: ${variablesArg(['OfflineThreshold', 'HeartbeatInterval', 'RetryBackOffWaitMinimum'])}) { component variable attributeStatus attributeValue }`,
    );
    expect(await asked).toEqual({
      getVariableData: [
        address('OCPPCommCtrlr', 'OfflineThreshold'),
        address('OCPPCommCtrlr', 'HeartbeatInterval'),
        address('OCPPCommCtrlr', 'RetryBackOffWaitMinimum'),
      ],
    });
    expect(results).toHaveLength(3);
    expect(results[1]).toEqual({
      component: 'OCPPCommCtrlr',
      variable: 'HeartbeatInterval',
      attributeStatus: 'Accepted',
      attributeValue: '60',
    });
  });

  it('TC_B_08_CSMS Get Variables - limit to maximum number of values', async () => {
    const peer = await station('B08');
    const report = peer.answer('GetBaseReport', { status: 'Accepted' });
    const { data } = await op().command(
      `getBaseReport(chargingStationId: ${str(peer.id)}, reportBase: FullInventory)`,
    );
    await report;
    await peer.call('NotifyReport', {
      requestId: data?.requestId,
      generatedAt: now(),
      seqNo: 0,
      reportData: [reported('DeviceDataCtrlr', 'ItemsPerMessage', '2', 'GetVariables')],
    });
    const requests = [1, 2, 3].map(() => peer.answer('GetVariables', valuesFor));
    const names = [
      'OfflineThreshold',
      'HeartbeatInterval',
      'RetryBackOffWaitMinimum',
      'MessageTimeout',
      'ResetRetries',
    ];
    const results = await op().mutate<Payload[]>(
      `getVariables(chargingStationId: ${str(peer.id)}, variables: ${variablesArg(names)}) { variable attributeValue }`,
    );
    const sizes = (await Promise.all(requests)).map(
      (request) => (request.getVariableData as unknown[]).length,
    );
    expect(sizes).toEqual([2, 2, 1]);
    expect(results.map((result) => result.variable)).toEqual(names);
    // getConfiguration respects it too.
    const again = [1, 2].map(() => peer.answer('GetVariables', valuesFor));
    await op().mutate(
      `getConfiguration(chargingStationId: ${str(peer.id)}, keys: ["HeartbeatInterval", "OCPPCommCtrlr.OfflineThreshold", "ResetRetries"]) { key }`,
    );
    expect(
      (await Promise.all(again)).map((request) => (request.getVariableData as unknown[]).length),
    ).toEqual([2, 1]);
  });

  const setResults = (status: string) => (request: Payload) => ({
    setVariableResult: (request.setVariableData as Payload[]).map((data) => ({
      attributeStatus: status,
      component: data.component,
      variable: data.variable,
    })),
  });

  it('TC_B_09_CSMS Set Variables - single value', async () => {
    const peer = await station('B09');
    const set = peer.answer('SetVariables', setResults('Accepted'));
    expect(
      await op().command(
        `setVariable(chargingStationId: ${str(peer.id)}, variable: { component: "OCPPCommCtrlr", variable: "OfflineThreshold" }, value: "123")`,
      ),
    ).toEqual({ status: 'Accepted' });
    expect(await set).toEqual({
      setVariableData: [{ ...address('OCPPCommCtrlr', 'OfflineThreshold'), attributeValue: '123' }],
    });
  });

  it('TC_B_10_CSMS Set Variables - multiple values', async () => {
    const peer = await station('B10');
    const set = peer.answer('SetVariables', setResults('Accepted'));
    const results = await op().mutate<Payload[]>(
      `setVariables(chargingStationId: ${str(peer.id)}, variables: [
        { component: "OCPPCommCtrlr", variable: "OfflineThreshold", value: "123" },
        { component: "OCPPCommCtrlr", variable: "HeartbeatInterval", value: "77" }
      ]) { variable attributeStatus }`,
    );
    expect(await set).toEqual({
      setVariableData: [
        { ...address('OCPPCommCtrlr', 'OfflineThreshold'), attributeValue: '123' },
        { ...address('OCPPCommCtrlr', 'HeartbeatInterval'), attributeValue: '77' },
      ],
    });
    expect(results).toEqual([
      { variable: 'OfflineThreshold', attributeStatus: 'Accepted' },
      { variable: 'HeartbeatInterval', attributeStatus: 'Accepted' },
    ]);
  });

  it.each([
    ['TC_B_12_CSMS Get Base Report - ConfigurationInventory', 'ConfigurationInventory'],
    ['TC_B_13_CSMS Get Base Report - FullInventory', 'FullInventory'],
    ['TC_B_14_CSMS Get Base Report - SummaryInventory', 'SummaryInventory'],
  ])('%s', async (_name, reportBase) => {
    const peer = await station(`B-${reportBase}`);
    const asked = peer.answer('GetBaseReport', { status: 'Accepted' });
    const { status, data } = await op().command(
      `getBaseReport(chargingStationId: ${str(peer.id)}, reportBase: ${reportBase})`,
    );
    expect(status).toBe('Accepted');
    expect(await asked).toEqual({ requestId: data?.requestId, reportBase });
    const parts = [
      [reported('OCPPCommCtrlr', 'HeartbeatInterval', '300')],
      [reported('OCPPCommCtrlr', 'OfflineThreshold', '120')],
    ];
    for (const [seqNo, reportData] of parts.entries()) {
      const part = {
        requestId: data?.requestId,
        generatedAt: now(),
        seqNo,
        tbc: seqNo < parts.length - 1,
        reportData,
      };
      expect(await peer.call('NotifyReport', part)).toEqual({});
    }
    const model = await op().query<Payload[]>(
      `chargingStationDeviceModel(chargingStationId: ${str(peer.id)}) { component variable attributes { value } }`,
    );
    expect(model).toEqual(
      expect.arrayContaining([
        { component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', attributes: [{ value: '300' }] },
        { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', attributes: [{ value: '120' }] },
      ]),
    );
  });

  it('TC_B_18_CSMS Get Custom Report - with componentCriteria and component/variables', async () => {
    const peer = await station('B18');
    const report = `getReport(chargingStationId: ${str(peer.id)}, input: { componentCriteria: [Available, Enabled], componentVariables: [{ component: "EVSE", evseId: 1, variable: "AvailabilityState" }, { component: "OCPPCommCtrlr" }] })`;
    const empty = peer.answer('GetReport', { status: 'EmptyResultSet' });
    expect((await op().command(report)).status).toBe('EmptyResultSet');
    expect(await empty).toEqual({
      requestId: expect.any(Number),
      componentCriteria: ['Available', 'Enabled'],
      componentVariable: [
        { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } },
        { component: { name: 'OCPPCommCtrlr' } },
      ],
    });
    const accepted = peer.answer('GetReport', { status: 'Accepted' });
    const { status, data } = await op().command(report);
    expect(status).toBe('Accepted');
    await accepted;
    expect(
      await peer.call('NotifyReport', {
        requestId: data?.requestId,
        generatedAt: now(),
        seqNo: 0,
        reportData: [reported('OCPPCommCtrlr', 'HeartbeatInterval', '300')],
      }),
    ).toEqual({});
  });

  const reset = async (peer: StationPeer, field: string, answer: string, expected: Payload) => {
    const asked = peer.answer('Reset', { status: answer });
    expect(await op().command(field)).toEqual({ status: answer });
    expect(await asked).toEqual(expected);
  };
  const reboot = async (peer: StationPeer) => {
    expect(await boot201(peer, 'RemoteReset')).toMatchObject({ status: 'Accepted' });
    expect(await status201(peer, 1, 'Available')).toEqual({});
  };

  it('TC_B_20_CSMS Reset Charging Station - Without ongoing transaction - OnIdle', async () => {
    const peer = await station('B20');
    await reset(peer, `reset(chargingStationId: ${str(peer.id)}, type: SOFT)`, 'Accepted', {
      type: 'OnIdle',
    });
    await reboot(peer);
  });

  it('TC_B_21_CSMS Reset Charging Station - With Ongoing Transaction - OnIdle', async () => {
    const peer = await station('B21');
    const tx = await charging201(peer, TOKENS.valid, 'b21');
    await reset(peer, `reset(chargingStationId: ${str(peer.id)}, type: SOFT)`, 'Scheduled', {
      type: 'OnIdle',
    });
    await tx.ended('EVCommunicationLost', {
      stoppedReason: 'EVDisconnected',
      meterValue: [energy(800, 'Transaction.End')],
    });
    await reboot(peer);
    expect(await sessionOf(peer, tx.transactionId)).toMatchObject({
      active: false,
      stopReason: 'EVDisconnected',
    });
  });

  it('TC_B_22_CSMS Reset Charging Station - With Ongoing Transaction - Immediate', async () => {
    const peer = await station('B22');
    const tx = await charging201(peer, TOKENS.valid, 'b22');
    await reset(peer, `reset(chargingStationId: ${str(peer.id)}, type: HARD)`, 'Accepted', {
      type: 'Immediate',
    });
    await tx.ended('ResetCommand', {
      stoppedReason: 'ImmediateReset',
      meterValue: [energy(500, 'Transaction.End')],
    });
    await reboot(peer);
    expect(await sessionOf(peer, tx.transactionId)).toMatchObject({
      active: false,
      stopReason: 'ImmediateReset',
    });
  });

  it('TC_B_25_CSMS Reset EVSE - Without ongoing transaction', async () => {
    const peer = await station('B25', 2);
    await reset(peer, `resetEvse(chargingStationId: ${str(peer.id)}, evseId: 1, type: SOFT)`, 'Accepted', {
      type: 'OnIdle',
      evseId: 1,
    });
    expect(await status201(peer, 1, 'Unavailable')).toEqual({});
    expect(await status201(peer, 1, 'Available')).toEqual({});
  });

  it('TC_B_26_CSMS Reset EVSE - With Ongoing Transaction - OnIdle', async () => {
    const peer = await station('B26');
    const tx = await charging201(peer, TOKENS.valid, 'b26');
    await reset(peer, `resetEvse(chargingStationId: ${str(peer.id)}, evseId: 1, type: SOFT)`, 'Scheduled', {
      type: 'OnIdle',
      evseId: 1,
    });
    await tx.ended('StopAuthorized', {
      stoppedReason: 'Local',
      idToken: { idToken: TOKENS.valid, type: 'ISO14443' },
    });
    expect(await status201(peer, 1, 'Available')).toEqual({});
    expect(await sessionOf(peer, tx.transactionId)).toMatchObject({ active: false, stopReason: 'Local' });
  });

  it('TC_B_27_CSMS Reset EVSE - With Ongoing Transaction - Immediate', async () => {
    const peer = await station('B27');
    const tx = await charging201(peer, TOKENS.valid, 'b27');
    await reset(peer, `resetEvse(chargingStationId: ${str(peer.id)}, evseId: 1, type: HARD)`, 'Accepted', {
      type: 'Immediate',
      evseId: 1,
    });
    await tx.ended('ResetCommand', { stoppedReason: 'ImmediateReset' });
    expect(await status201(peer, 1, 'Available')).toEqual({});
    expect(await sessionOf(peer, tx.transactionId)).toMatchObject({
      active: false,
      stopReason: 'ImmediateReset',
    });
  });

  it('TC_B_30_CSMS Cold Boot Charging Station - Pending/Rejected - SecurityError', async () => {
    const peer = await pendingStation('B30');
    await expect(peer.call('Heartbeat', {})).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
    await expect(status201(peer, 1, 'Available')).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
    expect((await op().station(peer.id)).connectors).toEqual([]);
    // Rejected: the same refusal.
    await op().mutate(
      `setChargingStationRegistrationStatus(chargingStationId: ${str(peer.id)}, status: REJECTED) { id }`,
    );
    expect(await boot201(peer)).toMatchObject({ status: 'Rejected' });
    await expect(peer.call('Heartbeat', {})).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
  });

  it('TC_B_31_CSMS Cold Boot Charging Station - Pending/Rejected - TriggerMessage', async () => {
    const peer = await pendingStation('B31');
    const trigger = peer.answer('TriggerMessage', { status: 'Accepted' });
    expect(
      await op().command(`triggerMessage(chargingStationId: ${str(peer.id)}, message: "BootNotification")`),
    ).toEqual({ status: 'Accepted' });
    expect(await trigger).toEqual({ requestedMessage: 'BootNotification' });
    expect(await boot201(peer, 'Triggered')).toMatchObject({ status: 'Pending' });
    const accepted = peer.answer('TriggerMessage', { status: 'Accepted' });
    await op().mutate(
      `setChargingStationRegistrationStatus(chargingStationId: ${str(peer.id)}, status: ACCEPTED) { id }`,
    );
    expect(await accepted).toEqual({ requestedMessage: 'BootNotification' });
    expect(await boot201(peer, 'Triggered')).toMatchObject({ status: 'Accepted' });
    expect(await peer.call('Heartbeat', {})).toHaveProperty('currentTime');
  });

  it.each([
    ['TC_B_42_CSMS Set new NetworkConnectionProfile - Accepted', 'Accepted'],
    ['TC_B_44_CSMS Set new NetworkConnectionProfile - Failed', 'Failed'],
  ])('%s', async (_name, answer) => {
    const peer = await station(`B-network-${answer}`);
    const asked = peer.answer('SetNetworkProfile', { status: answer });
    expect(
      await op().command(
        `setNetworkProfile(chargingStationId: ${str(peer.id)}, input: { configurationSlot: 2, ocppCsmsUrl: "wss://csms.example.com/ocpp/default/", messageTimeout: 30, securityProfile: 2, ocppInterface: Wired0 })`,
      ),
    ).toEqual({ status: answer });
    expect(await asked).toEqual({
      configurationSlot: 2,
      connectionData: {
        ocppVersion: 'OCPP20',
        ocppTransport: 'JSON',
        ocppCsmsUrl: 'wss://csms.example.com/ocpp/default/',
        messageTimeout: 30,
        securityProfile: 2,
        ocppInterface: 'Wired0',
      },
    });
  });

  it('TC_B_58_CSMS WebSocket Subprotocol validation', async () => {
    await expect(app.station('OCTT201-B58', { protocols: ['ocpp0.9'], strict: false })).rejects.toThrow();
    const peer = await app.station('OCTT201-B58', { protocols: ['ocpp0.9', 'ocpp2.0.1'], strict: false });
    expect(peer.protocol).toBe('ocpp2.0.1');
    expect(await boot201(peer)).toMatchObject({ status: 'Accepted' });
  });
});
