import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from './support/graphql-client';
import { connectStation } from './support/ocpp-station';
import { startTestApp, TestApp } from './support/test-app';
import { createTag, createUserAndLogin, eventually } from './support/users';

interface Received {
  action: string;
  params: Record<string, unknown>;
}

/** GraphQL command mutation, the CALL the station must get, the station's answer, what GraphQL must return. */
interface CommandCase {
  mutation: string;
  action: string;
  params: Record<string, unknown>;
  answer: Record<string, unknown>;
  result: Record<string, unknown>;
}

const PROFILE_INPUT = `{ chargingProfileId: 7, stackLevel: 1, purpose: TxProfile, kind: Absolute,
  schedule: { rateUnit: W, periods: [{ startPeriod: 0, limit: 7400 }, { startPeriod: 900, limit: 3700, numberPhases: 1 }] } }`;
const PROFILE_1_6 = {
  chargingProfileId: 7,
  stackLevel: 1,
  chargingProfilePurpose: 'TxProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: {
    chargingRateUnit: 'W',
    chargingSchedulePeriod: [
      { startPeriod: 0, limit: 7400 },
      { startPeriod: 900, limit: 3700, numberPhases: 1 },
    ],
  },
};

const CASES: CommandCase[] = [
  {
    mutation: 'reset(chargingStationId: "CS-CMD", type: HARD) { status }',
    action: 'Reset',
    params: { type: 'Hard' },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    mutation: 'clearCache(chargingStationId: "CS-CMD") { status }',
    action: 'ClearCache',
    params: {},
    answer: { status: 'Rejected' },
    result: { status: 'Rejected' },
  },
  {
    mutation: 'changeAvailability(chargingStationId: "CS-CMD", connectorId: 1, type: INOPERATIVE) { status }',
    action: 'ChangeAvailability',
    params: { connectorId: 1, type: 'Inoperative' },
    answer: { status: 'Scheduled' },
    result: { status: 'Scheduled' },
  },
  {
    mutation:
      'changeConfiguration(chargingStationId: "CS-CMD", key: "HeartbeatInterval", value: "60") { status }',
    action: 'ChangeConfiguration',
    params: { key: 'HeartbeatInterval', value: '60' },
    answer: { status: 'RebootRequired' },
    result: { status: 'RebootRequired' },
  },
  {
    mutation: 'unlockConnector(chargingStationId: "CS-CMD", connectorId: 2) { status }',
    action: 'UnlockConnector',
    params: { connectorId: 2 },
    answer: { status: 'Unlocked' },
    result: { status: 'Unlocked' },
  },
  {
    mutation:
      'triggerMessage(chargingStationId: "CS-CMD", message: "StatusNotification", connectorId: 1) { status }',
    action: 'TriggerMessage',
    params: { requestedMessage: 'StatusNotification', connectorId: 1 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    mutation:
      'remoteStartTransaction(chargingStationId: "CS-CMD", tagId: "TAG-9", connectorId: 1, chargingProfile: ' +
      PROFILE_INPUT +
      ') { status }',
    action: 'RemoteStartTransaction',
    params: { connectorId: 1, idTag: 'TAG-9', chargingProfile: PROFILE_1_6 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    mutation:
      'dataTransfer(chargingStationId: "CS-CMD", input: { vendorId: "com.acme", messageId: "ping", data: "hi" }) { status data }',
    action: 'DataTransfer',
    params: { vendorId: 'com.acme', messageId: 'ping', data: 'hi' },
    answer: { status: 'Accepted', data: 'pong' },
    result: { status: 'Accepted', data: expect.stringContaining('pong') },
  },
  {
    mutation:
      'getDiagnostics(chargingStationId: "CS-CMD", input: { location: "ftp://logs.example.com/", retries: 2, startTime: "2026-11-01T00:00:00Z" }) { status data }',
    action: 'GetDiagnostics',
    params: { location: 'ftp://logs.example.com/', retries: 2, startTime: '2026-11-01T00:00:00.000Z' },
    answer: { fileName: 'diag-1.zip' },
    result: { status: 'Accepted', data: expect.stringContaining('diag-1.zip') },
  },
  {
    mutation:
      'updateFirmware(chargingStationId: "CS-CMD", input: { location: "https://fw.example.com/2.0.bin", retrieveDate: "2026-12-01T00:00:00Z" }) { status }',
    action: 'UpdateFirmware',
    params: { location: 'https://fw.example.com/2.0.bin', retrieveDate: '2026-12-01T00:00:00.000Z' },
    answer: {},
    result: { status: 'Accepted' },
  },
  {
    mutation:
      'sendLocalList(chargingStationId: "CS-CMD", input: { listVersion: 3, updateType: FULL, tagIds: ["TAG-9"] }) { status }',
    action: 'SendLocalList',
    params: {
      listVersion: 3,
      updateType: 'Full',
      localAuthorizationList: [{ idTag: 'TAG-9', idTagInfo: { status: 'Accepted' } }],
    },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    mutation: 'getLocalListVersion(chargingStationId: "CS-CMD") { status data }',
    action: 'GetLocalListVersion',
    params: {},
    answer: { listVersion: 3 },
    result: { status: 'Accepted', data: expect.stringContaining('3') },
  },
  {
    mutation:
      'reserveNow(chargingStationId: "CS-CMD", input: { connectorId: 1, expiryDate: "2026-12-01T12:00:00Z", tagId: "TAG-9", reservationId: 5 }) { status }',
    action: 'ReserveNow',
    params: { connectorId: 1, expiryDate: '2026-12-01T12:00:00.000Z', idTag: 'TAG-9', reservationId: 5 },
    answer: { status: 'Occupied' },
    result: { status: 'Occupied' },
  },
  {
    mutation: 'cancelReservation(chargingStationId: "CS-CMD", reservationId: 5) { status }',
    action: 'CancelReservation',
    params: { reservationId: 5 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    mutation: `setChargingProfile(chargingStationId: "CS-CMD", connectorId: 1, profile: ${PROFILE_INPUT}) { status }`,
    action: 'SetChargingProfile',
    params: { connectorId: 1, csChargingProfiles: PROFILE_1_6 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    mutation: 'clearChargingProfile(chargingStationId: "CS-CMD", input: { id: 7 }) { status }',
    action: 'ClearChargingProfile',
    params: { id: 7 },
    answer: { status: 'Unknown' },
    result: { status: 'Unknown' },
  },
  {
    mutation:
      'getCompositeSchedule(chargingStationId: "CS-CMD", input: { connectorId: 1, duration: 3600, rateUnit: W }) { status data }',
    action: 'GetCompositeSchedule',
    params: { connectorId: 1, duration: 3600, chargingRateUnit: 'W' },
    answer: {
      status: 'Accepted',
      connectorId: 1,
      scheduleStart: '2026-11-28T10:00:00Z',
      chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] },
    },
    result: { status: 'Accepted', data: expect.stringContaining('11000') },
  },
];

/** Short enough for the timeout test, long enough for a loaded 2-core machine. */
const CALL_TIMEOUT_MS = 2500;

const CS_ACTIONS = [...new Set([...CASES.map((c) => c.action), 'GetConfiguration', 'RemoteStopTransaction'])];

describe('OCPP 1.6-J commands through GraphQL', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let station: RPCClient;
  const received: Received[] = [];
  const answers = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    server = await startTestApp('ocpp16_commands', { OCPP_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS) });
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-9' });
    await admin.data('mutation { createChargingStation(input: { id: "CS-OFF" }) { id } }');
    station = await connectStation(server.wsUrl, 'CS-CMD');
    for (const action of CS_ACTIONS) {
      station.handle(action, async ({ params }) => {
        received.push({ action, params: params as Record<string, unknown> });
        return answers.get(action) ?? { status: 'Accepted' };
      });
    }
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
  });

  afterAll(async () => {
    await station.close();
    await server.close();
  });

  it.each(CASES.map((c) => [c.action, c]))(
    '%s reaches the station encoded for 1.6 and returns its answer',
    async (_action, c) => {
      answers.set(c.action, c.answer);
      received.length = 0;
      const data = await admin.data<Record<string, Record<string, unknown>>>(`mutation { ${c.mutation} }`);
      expect(received).toEqual([{ action: c.action, params: c.params }]);
      expect(Object.values(data)[0]).toEqual(c.result);
    },
  );

  it('GetConfiguration returns the keys the station reports', async () => {
    answers.set('GetConfiguration', {
      configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }],
      unknownKey: ['Nope'],
    });
    received.length = 0;
    const { getConfiguration } = await admin.data<{ getConfiguration: unknown[] }>(
      'mutation { getConfiguration(chargingStationId: "CS-CMD", keys: ["HeartbeatInterval", "Nope"]) { key value readonly } }',
    );
    expect(received).toEqual([
      { action: 'GetConfiguration', params: { key: ['HeartbeatInterval', 'Nope'] } },
    ]);
    expect(getConfiguration).toEqual([{ key: 'HeartbeatInterval', value: '60', readonly: false }]);
  });

  it('RemoteStopTransaction sends the integer transaction id of an active session', async () => {
    const started = (await station.call('StartTransaction', {
      connectorId: 2,
      idTag: 'TAG-9',
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    const { transactions } = await admin.data<{ transactions: { edges: { node: { id: string } }[] } }>(
      '{ transactions(filter: { chargingStationId: "CS-CMD", active: true }) { edges { node { id } } } }',
    );
    received.length = 0;
    const { remoteStopTransaction } = await admin.data<{ remoteStopTransaction: { status: string } }>(
      'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }',
      { id: transactions.edges[0].node.id },
    );
    expect(remoteStopTransaction.status).toBe('Accepted');
    expect(received).toEqual([
      { action: 'RemoteStopTransaction', params: { transactionId: started.transactionId } },
    ]);
  });

  it('refuses what OCPP 1.6 cannot carry as bad input, without bothering the station', async () => {
    received.length = 0;
    expect(
      await admin.errorCode(
        'mutation { triggerMessage(chargingStationId: "CS-CMD", message: "Coffee") { status } }',
      ),
    ).toBe('BAD_USER_INPUT');
    expect(received).toEqual([]);
  });

  it('answers STATION_OFFLINE for a known station that is not connected', async () => {
    expect(
      await admin.errorCode('mutation { reset(chargingStationId: "CS-OFF", type: SOFT) { status } }'),
    ).toBe('STATION_OFFLINE');
  });

  it('answers STATION_TIMEOUT when the station does not answer in time', async () => {
    const slow = await connectStation(server.wsUrl, 'CS-SLOW');
    slow.handle('Reset', () => new Promise(() => undefined));
    await slow.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    const started = Date.now();
    expect(
      await admin.errorCode('mutation { reset(chargingStationId: "CS-SLOW", type: SOFT) { status } }'),
    ).toBe('STATION_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(CALL_TIMEOUT_MS - 100);
    // The message log has the call, without an answer, while the station is still connected.
    type Log = { ocppMessages: { edges: { node: { action: string; answerType: string | null } }[] } };
    const log = await eventually(
      () =>
        admin.data<Log>(
          '{ ocppMessages(chargingStationId: "CS-SLOW") { edges { node { action answerType } } } }',
        ),
      (page) => page.ocppMessages.edges.some((edge) => edge.node.action === 'Reset'),
    );
    expect(log.ocppMessages.edges.map((edge) => edge.node)).toContainEqual({
      action: 'Reset',
      answerType: null,
    });
    await slow.close({ force: true });
  });

  it('keeps one CALL in flight per station and queues the rest', async () => {
    const busy = await connectStation(server.wsUrl, 'CS-BUSY');
    let inFlight = 0;
    let maxInFlight = 0;
    busy.handle('ClearCache', async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight--;
      return { status: 'Accepted' };
    });
    await busy.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        admin.data<{ clearCache: { status: string } }>(
          'mutation { clearCache(chargingStationId: "CS-BUSY") { status } }',
        ),
      ),
    );
    expect(results.map((result) => result.clearCache.status)).toEqual(['Accepted', 'Accepted', 'Accepted']);
    expect(maxInFlight).toBe(1);
    await busy.close();
  });

  it('makes the station offline when it disconnects', async () => {
    const brief = await connectStation(server.wsUrl, 'CS-BRIEF');
    await brief.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    await brief.close();
    const code = await eventually(
      () => admin.errorCode('mutation { clearCache(chargingStationId: "CS-BRIEF") { status } }'),
      (current) => current === 'STATION_OFFLINE',
    );
    expect(code).toBe('STATION_OFFLINE');
  });
});
