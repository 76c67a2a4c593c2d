import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { BOOT, connect201, untilOnline } from './ocpp201-station';

interface Received {
  action: string;
  params: Record<string, unknown>;
}

/** GraphQL mutation, the 2.0.1 CALL the station must get, the station's answer, what GraphQL returns. */
interface CommandCase {
  name: string;
  mutation: string;
  action: string;
  params: Record<string, unknown>;
  answer: Record<string, unknown>;
  result: Record<string, unknown>;
}

const CS = 'CS201-CMD';
const PROFILE_INPUT = `{ chargingProfileId: 7, stackLevel: 1, purpose: TxProfile, kind: Absolute,
  schedule: { rateUnit: W, periods: [{ startPeriod: 0, limit: 7400 }, { startPeriod: 900, limit: 3700, numberPhases: 1 }] } }`;
const PROFILE_2_0_1 = {
  id: 7,
  stackLevel: 1,
  chargingProfilePurpose: 'TxProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: [
    {
      id: 7,
      chargingRateUnit: 'W',
      chargingSchedulePeriod: [
        { startPeriod: 0, limit: 7400 },
        { startPeriod: 900, limit: 3700, numberPhases: 1 },
      ],
    },
  ],
};
const ANY_ID = expect.any(Number) as unknown;

const CASES: CommandCase[] = [
  {
    name: 'reset HARD → Immediate',
    mutation: `reset(chargingStationId: "${CS}", type: HARD) { status }`,
    action: 'Reset',
    params: { type: 'Immediate' },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'reset SOFT → OnIdle',
    mutation: `reset(chargingStationId: "${CS}", type: SOFT) { status }`,
    action: 'Reset',
    params: { type: 'OnIdle' },
    answer: { status: 'Scheduled' },
    result: { status: 'Scheduled' },
  },
  {
    name: 'resetEvse (2.0.1 only)',
    mutation: `resetEvse(chargingStationId: "${CS}", evseId: 2, type: SOFT) { status }`,
    action: 'Reset',
    params: { type: 'OnIdle', evseId: 2 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'clearCache',
    mutation: `clearCache(chargingStationId: "${CS}") { status }`,
    action: 'ClearCache',
    params: {},
    answer: { status: 'Rejected' },
    result: { status: 'Rejected' },
  },
  {
    name: 'changeAvailability of an EVSE',
    mutation: `changeAvailability(chargingStationId: "${CS}", connectorId: 1, type: INOPERATIVE) { status }`,
    action: 'ChangeAvailability',
    params: { operationalStatus: 'Inoperative', evse: { id: 1 } },
    answer: { status: 'Scheduled' },
    result: { status: 'Scheduled' },
  },
  {
    name: 'changeAvailability of the station',
    mutation: `changeAvailability(chargingStationId: "${CS}", connectorId: 0, type: OPERATIVE) { status }`,
    action: 'ChangeAvailability',
    params: { operationalStatus: 'Operative' },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'changeConfiguration with a 1.6 key',
    mutation: `changeConfiguration(chargingStationId: "${CS}", key: "HeartbeatInterval", value: "60") { status }`,
    action: 'SetVariables',
    params: {
      setVariableData: [
        {
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'HeartbeatInterval' },
          attributeValue: '60',
        },
      ],
    },
    answer: {
      setVariableResult: [
        {
          attributeStatus: 'RebootRequired',
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'HeartbeatInterval' },
        },
      ],
    },
    result: { status: 'RebootRequired' },
  },
  {
    name: 'changeConfiguration with Component.Variable[instance]',
    mutation: `changeConfiguration(chargingStationId: "${CS}", key: "OCPPCommCtrlr.MessageAttempts[TransactionEvent]", value: "5") { status }`,
    action: 'SetVariables',
    params: {
      setVariableData: [
        {
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'MessageAttempts', instance: 'TransactionEvent' },
          attributeValue: '5',
        },
      ],
    },
    answer: {
      setVariableResult: [
        {
          attributeStatus: 'Accepted',
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'MessageAttempts', instance: 'TransactionEvent' },
        },
      ],
    },
    result: { status: 'Accepted' },
  },
  {
    name: 'unlockConnector of an EVSE',
    mutation: `unlockConnector(chargingStationId: "${CS}", connectorId: 2) { status }`,
    action: 'UnlockConnector',
    params: { evseId: 2, connectorId: 1 },
    answer: { status: 'Unlocked' },
    result: { status: 'Unlocked' },
  },
  {
    name: 'triggerMessage StatusNotification',
    mutation: `triggerMessage(chargingStationId: "${CS}", message: "StatusNotification", connectorId: 1) { status }`,
    action: 'TriggerMessage',
    params: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'triggerMessage with a 1.6 name',
    mutation: `triggerMessage(chargingStationId: "${CS}", message: "DiagnosticsStatusNotification") { status }`,
    action: 'TriggerMessage',
    params: { requestedMessage: 'LogStatusNotification' },
    answer: { status: 'NotImplemented' },
    result: { status: 'NotImplemented' },
  },
  {
    name: 'remoteStartTransaction with a charging profile',
    mutation: `remoteStartTransaction(chargingStationId: "${CS}", tagId: "TAG-9", connectorId: 1, chargingProfile: ${PROFILE_INPUT}) { status }`,
    action: 'RequestStartTransaction',
    params: {
      evseId: 1,
      idToken: { idToken: 'TAG-9', type: 'ISO14443' },
      remoteStartId: ANY_ID,
      chargingProfile: PROFILE_2_0_1,
    },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'dataTransfer',
    mutation: `dataTransfer(chargingStationId: "${CS}", input: { vendorId: "com.acme", messageId: "ping", data: "hi" }) { status data }`,
    action: 'DataTransfer',
    params: { vendorId: 'com.acme', messageId: 'ping', data: 'hi' },
    answer: { status: 'Accepted', data: 'pong' },
    result: { status: 'Accepted', data: expect.stringContaining('pong') },
  },
  {
    name: 'getDiagnostics → GetLog',
    mutation: `getDiagnostics(chargingStationId: "${CS}", input: { location: "ftp://logs.example.com/", retries: 2, startTime: "2026-11-01T00:00:00Z" }) { status data }`,
    action: 'GetLog',
    params: {
      logType: 'DiagnosticsLog',
      requestId: ANY_ID,
      retries: 2,
      log: { remoteLocation: 'ftp://logs.example.com/', oldestTimestamp: '2026-11-01T00:00:00.000Z' },
    },
    answer: { status: 'Accepted', filename: 'diag-1.zip' },
    result: { status: 'Accepted', data: expect.stringContaining('diag-1.zip') },
  },
  {
    name: 'updateFirmware',
    mutation: `updateFirmware(chargingStationId: "${CS}", input: { location: "https://fw.example.com/2.0.bin", retrieveDate: "2026-12-01T00:00:00Z" }) { status }`,
    action: 'UpdateFirmware',
    params: {
      requestId: ANY_ID,
      firmware: { location: 'https://fw.example.com/2.0.bin', retrieveDateTime: '2026-12-01T00:00:00.000Z' },
    },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'sendLocalList',
    mutation: `sendLocalList(chargingStationId: "${CS}", input: { listVersion: 3, updateType: FULL, tagIds: ["TAG-9"] }) { status }`,
    action: 'SendLocalList',
    params: {
      versionNumber: 3,
      updateType: 'Full',
      localAuthorizationList: [
        { idToken: { idToken: 'TAG-9', type: 'ISO14443' }, idTokenInfo: { status: 'Accepted' } },
      ],
    },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'getLocalListVersion',
    mutation: `getLocalListVersion(chargingStationId: "${CS}") { status data }`,
    action: 'GetLocalListVersion',
    params: {},
    answer: { versionNumber: 3 },
    result: { status: 'Accepted', data: JSON.stringify({ listVersion: 3 }) },
  },
  {
    name: 'reserveNow',
    mutation: `reserveNow(chargingStationId: "${CS}", input: { connectorId: 1, expiryDate: "2026-12-01T12:00:00Z", tagId: "TAG-9", reservationId: 5 }) { status }`,
    action: 'ReserveNow',
    params: {
      id: 5,
      expiryDateTime: '2026-12-01T12:00:00.000Z',
      idToken: { idToken: 'TAG-9', type: 'ISO14443' },
      evseId: 1,
    },
    answer: { status: 'Occupied' },
    result: { status: 'Occupied' },
  },
  {
    name: 'cancelReservation',
    mutation: `cancelReservation(chargingStationId: "${CS}", reservationId: 5) { status }`,
    action: 'CancelReservation',
    params: { reservationId: 5 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'setChargingProfile',
    mutation: `setChargingProfile(chargingStationId: "${CS}", connectorId: 1, profile: ${PROFILE_INPUT}) { status }`,
    action: 'SetChargingProfile',
    params: { evseId: 1, chargingProfile: PROFILE_2_0_1 },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'clearChargingProfile',
    mutation: `clearChargingProfile(chargingStationId: "${CS}", input: { id: 7 }) { status }`,
    action: 'ClearChargingProfile',
    params: { chargingProfileId: 7 },
    answer: { status: 'Unknown' },
    result: { status: 'Unknown' },
  },
  {
    name: 'getCompositeSchedule',
    mutation: `getCompositeSchedule(chargingStationId: "${CS}", input: { connectorId: 1, duration: 3600, rateUnit: W }) { status data }`,
    action: 'GetCompositeSchedule',
    params: { evseId: 1, duration: 3600, chargingRateUnit: 'W' },
    answer: {
      status: 'Accepted',
      schedule: {
        evseId: 1,
        duration: 3600,
        scheduleStart: '2026-11-28T10:00:00Z',
        chargingRateUnit: 'W',
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }],
      },
    },
    result: { status: 'Accepted', data: expect.stringContaining('11000') },
  },
  {
    name: 'getBaseReport (2.0.1 only)',
    mutation: `getBaseReport(chargingStationId: "${CS}", reportBase: ConfigurationInventory) { status data }`,
    action: 'GetBaseReport',
    params: { requestId: ANY_ID, reportBase: 'ConfigurationInventory' },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted', data: expect.stringContaining('requestId') },
  },
  {
    name: 'getVariable (2.0.1 only)',
    mutation: `getVariable(chargingStationId: "${CS}", variable: { component: "EVSE", evseId: 1, variable: "Power" }) { status data }`,
    action: 'GetVariables',
    params: {
      getVariableData: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }],
    },
    answer: {
      getVariableResult: [
        {
          attributeStatus: 'Accepted',
          attributeValue: '22000',
          component: { name: 'EVSE', evse: { id: 1 } },
          variable: { name: 'Power' },
        },
      ],
    },
    result: { status: 'Accepted', data: JSON.stringify({ value: '22000' }) },
  },
  {
    name: 'setNetworkProfile (2.0.1 only)',
    mutation: `setNetworkProfile(chargingStationId: "${CS}", input: { configurationSlot: 1, ocppCsmsUrl: "wss://csms.example.com/ocpp/default", messageTimeout: 30, securityProfile: 2 }) { status }`,
    action: 'SetNetworkProfile',
    params: {
      configurationSlot: 1,
      connectionData: {
        ocppVersion: 'OCPP20',
        ocppTransport: 'JSON',
        ocppCsmsUrl: 'wss://csms.example.com/ocpp/default',
        messageTimeout: 30,
        securityProfile: 2,
        ocppInterface: 'Wired0',
      },
    },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'installCertificate (2.0.1 only)',
    mutation: `installCertificate(chargingStationId: "${CS}", certificateType: CSMSRootCertificate, certificate: "-----BEGIN CERTIFICATE-----") { status }`,
    action: 'InstallCertificate',
    params: { certificateType: 'CSMSRootCertificate', certificate: '-----BEGIN CERTIFICATE-----' },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'getInstalledCertificateIds (2.0.1 only)',
    mutation: `getInstalledCertificateIds(chargingStationId: "${CS}", certificateTypes: [CSMSRootCertificate]) { status data }`,
    action: 'GetInstalledCertificateIds',
    params: { certificateType: ['CSMSRootCertificate'] },
    answer: {
      status: 'Accepted',
      certificateHashDataChain: [
        {
          certificateType: 'CSMSRootCertificate',
          certificateHashData: {
            hashAlgorithm: 'SHA256',
            issuerNameHash: 'aa',
            issuerKeyHash: 'bb',
            serialNumber: '01',
          },
        },
      ],
    },
    result: { status: 'Accepted', data: expect.stringContaining('issuerKeyHash') },
  },
  {
    name: 'deleteCertificate (2.0.1 only)',
    mutation: `deleteCertificate(chargingStationId: "${CS}", certificate: { hashAlgorithm: SHA256, issuerNameHash: "aa", issuerKeyHash: "bb", serialNumber: "01" }) { status }`,
    action: 'DeleteCertificate',
    params: {
      certificateHashData: {
        hashAlgorithm: 'SHA256',
        issuerNameHash: 'aa',
        issuerKeyHash: 'bb',
        serialNumber: '01',
      },
    },
    answer: { status: 'NotFound' },
    result: { status: 'NotFound' },
  },
  {
    name: 'certificateSigned (2.0.1 only)',
    mutation: `certificateSigned(chargingStationId: "${CS}", certificateChain: "-----BEGIN CERTIFICATE-----", certificateType: ChargingStationCertificate) { status }`,
    action: 'CertificateSigned',
    params: {
      certificateChain: '-----BEGIN CERTIFICATE-----',
      certificateType: 'ChargingStationCertificate',
    },
    answer: { status: 'Accepted' },
    result: { status: 'Accepted' },
  },
  {
    name: 'getChargingProfiles (2.0.1 only)',
    mutation: `getChargingProfiles(chargingStationId: "${CS}", evseId: 1) { status data }`,
    action: 'GetChargingProfiles',
    params: { requestId: ANY_ID, evseId: 1, chargingProfile: {} },
    answer: { status: 'NoProfiles' },
    result: { status: 'NoProfiles', data: expect.stringContaining('requestId') },
  },
  {
    name: 'getLog SecurityLog (2.0.1 only)',
    mutation: `getLog(chargingStationId: "${CS}", input: { logType: SecurityLog, remoteLocation: "https://logs.example.com/up" }) { status data }`,
    action: 'GetLog',
    params: {
      logType: 'SecurityLog',
      requestId: ANY_ID,
      log: { remoteLocation: 'https://logs.example.com/up' },
    },
    answer: { status: 'Accepted', filename: 'security.log' },
    result: { status: 'Accepted', data: expect.stringContaining('security.log') },
  },
  {
    name: 'getTransactionStatus (2.0.1 only)',
    mutation: `getTransactionStatus(chargingStationId: "${CS}", ocppTransactionId: "tx-x") { status data }`,
    action: 'GetTransactionStatus',
    params: { transactionId: 'tx-x' },
    answer: { ongoingIndicator: true, messagesInQueue: false },
    result: { status: 'Ongoing', data: JSON.stringify({ messagesInQueue: false }) },
  },
];

const CS_ACTIONS = [...new Set([...CASES.map((c) => c.action), 'GetVariables', 'RequestStopTransaction'])];

describe('OCPP 2.0.1-J commands through GraphQL: the shared mutations and the 2.0.1-only ones', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let station: RPCClient;
  const received: Received[] = [];
  const answers = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    server = await startTestApp('ocpp201_commands', { OCPP_CALL_TIMEOUT_MS: '1500' });
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-9' });
    await admin.data('mutation { createChargingStation(input: { id: "CS201-OFF" }) { id } }');
    station = await connect201(server.wsUrl, CS);
    for (const action of CS_ACTIONS) {
      station.handle(action, async ({ params }) => {
        received.push({ action, params: params as Record<string, unknown> });
        return answers.get(action) ?? { status: 'Accepted' };
      });
    }
    await untilOnline(admin, CS);
    await station.call('BootNotification', BOOT);
  });

  afterAll(async () => {
    await station.close({ force: true });
    await server.close();
  });

  it.each(CASES.map((c) => [c.name, c]))('%s reaches the station encoded for 2.0.1', async (_name, c) => {
    answers.set(c.action, c.answer);
    received.length = 0;
    const data = await admin.data<Record<string, Record<string, unknown>>>(`mutation { ${c.mutation} }`);
    expect(received).toEqual([{ action: c.action, params: c.params }]);
    expect(Object.values(data)[0]).toEqual(c.result);
  });

  it('getConfiguration → GetVariables: 1.6 keys and Component.Variable, unknown ones reported as such', async () => {
    answers.set('GetVariables', {
      getVariableResult: [
        {
          attributeStatus: 'Accepted',
          attributeValue: '300',
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'HeartbeatInterval' },
        },
        {
          attributeStatus: 'Accepted',
          attributeValue: 'true',
          component: { name: 'AuthCtrlr' },
          variable: { name: 'Enabled' },
        },
        { attributeStatus: 'UnknownVariable', component: { name: 'AuthCtrlr' }, variable: { name: 'Nope' } },
      ],
    });
    received.length = 0;
    const { getConfiguration } = await admin.data<{ getConfiguration: unknown[] }>(
      `mutation { getConfiguration(chargingStationId: "${CS}", keys: ["HeartbeatInterval", "AuthCtrlr.Enabled", "AuthCtrlr.Nope"]) { key value } }`,
    );
    expect(received).toEqual([
      {
        action: 'GetVariables',
        params: {
          getVariableData: [
            { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
            { component: { name: 'AuthCtrlr' }, variable: { name: 'Enabled' } },
            { component: { name: 'AuthCtrlr' }, variable: { name: 'Nope' } },
          ],
        },
      },
    ]);
    expect(getConfiguration).toEqual([
      { key: 'HeartbeatInterval', value: '300' },
      { key: 'AuthCtrlr.Enabled', value: 'true' },
    ]);
  });

  it('remoteStopTransaction sends the station’s own string transaction id', async () => {
    await station.call('TransactionEvent', {
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      timestamp: new Date().toISOString(),
      transactionInfo: { transactionId: 'f3c5-remote' },
      evse: { id: 2, connectorId: 1 },
      idToken: { idToken: 'TAG-9', type: 'ISO14443' },
    });
    const { transactions } = await admin.data<{ transactions: { edges: { node: { id: string } }[] } }>(
      `{ transactions(filter: { chargingStationId: "${CS}", active: true }) { edges { node { id } } } }`,
    );
    received.length = 0;
    const { remoteStopTransaction } = await admin.data<{ remoteStopTransaction: { status: string } }>(
      'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }',
      { id: transactions.edges[0].node.id },
    );
    expect(remoteStopTransaction.status).toBe('Accepted');
    expect(received).toEqual([
      { action: 'RequestStopTransaction', params: { transactionId: 'f3c5-remote' } },
    ]);
  });

  it('stores NotifyReport as the device model and 2.0.1-only notifications as sent', async () => {
    const generatedAt = new Date().toISOString();
    await station.call('NotifyReport', {
      requestId: 42,
      generatedAt,
      seqNo: 0,
      tbc: true,
      reportData: [
        {
          component: { name: 'OCPPCommCtrlr' },
          variable: { name: 'HeartbeatInterval' },
          variableAttribute: [{ type: 'Actual', value: '300', mutability: 'ReadWrite' }],
          variableCharacteristics: { dataType: 'integer', unit: 's', supportsMonitoring: false },
        },
      ],
    });
    await station.call('NotifyReport', {
      requestId: 42,
      generatedAt,
      seqNo: 1,
      reportData: [
        {
          component: { name: 'EVSE', evse: { id: 1 } },
          variable: { name: 'Power' },
          variableAttribute: [{ value: '22000', mutability: 'ReadOnly' }],
        },
      ],
    });
    await station.call('SecurityEventNotification', {
      type: 'FirmwareUpdated',
      timestamp: generatedAt,
      techInfo: 'v2',
    });
    await station.call('NotifyEvent', {
      generatedAt,
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: generatedAt,
          trigger: 'Delta',
          actualValue: 'Faulted',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'Connector', evse: { id: 1, connectorId: 1 } },
          variable: { name: 'AvailabilityState' },
        },
      ],
    });
    expect(
      await station.call('NotifyEVChargingNeeds', {
        evseId: 1,
        chargingNeeds: {
          requestedEnergyTransfer: 'AC_three_phase',
          acChargingParameters: { energyAmount: 20000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 },
        },
      }),
    ).toEqual({ status: 'Accepted' });
    expect(await station.call('SignCertificate', { csr: '-----BEGIN CERTIFICATE REQUEST-----' })).toEqual({
      status: 'Accepted',
    });
    expect(await station.call('DataTransfer', { vendorId: 'com.nobody', data: { any: ['json'] } })).toEqual({
      status: 'UnknownVendorId',
    });
    expect(
      await station.call('GetCertificateStatus', {
        ocspRequestData: {
          hashAlgorithm: 'SHA256',
          issuerNameHash: 'aa',
          issuerKeyHash: 'bb',
          serialNumber: '01',
          responderURL: 'http://ocsp.example.com',
        },
      }),
    ).toEqual({ status: 'Failed' });
    await station.call('FirmwareStatusNotification', { status: 'Downloading', requestId: 1 });
    await station.call('LogStatusNotification', { status: 'Uploading', requestId: 2 });
    await station.call('ReservationStatusUpdate', { reservationId: 5, reservationUpdateStatus: 'Expired' });

    const { chargingStationDeviceModel } = await admin.data<{ chargingStationDeviceModel: unknown[] }>(
      `{ chargingStationDeviceModel(chargingStationId: "${CS}") { component evseId variable unit dataType attributes { type value mutability } } }`,
    );
    expect(chargingStationDeviceModel).toEqual(
      expect.arrayContaining([
        {
          component: 'OCPPCommCtrlr',
          evseId: null,
          variable: 'HeartbeatInterval',
          unit: 's',
          dataType: 'integer',
          attributes: [{ type: 'Actual', value: '300', mutability: 'ReadWrite' }],
        },
        {
          component: 'EVSE',
          evseId: 1,
          variable: 'Power',
          unit: null,
          dataType: null,
          attributes: [{ type: null, value: '22000', mutability: 'ReadOnly' }],
        },
      ]),
    );
    expect(chargingStationDeviceModel).toHaveLength(2);

    const { chargingStationNotifications } = await admin.data<{
      chargingStationNotifications: { action: string; payload: string }[];
    }>(`{ chargingStationNotifications(chargingStationId: "${CS}") { action payload } }`);
    expect(chargingStationNotifications.map((n) => n.action).sort()).toEqual([
      'GetCertificateStatus',
      'NotifyEVChargingNeeds',
      'NotifyEvent',
      'ReservationStatusUpdate',
      'SecurityEventNotification',
      'SignCertificate',
    ]);
    const security = chargingStationNotifications.find((n) => n.action === 'SecurityEventNotification');
    expect(JSON.parse(security!.payload)).toEqual({
      type: 'FirmwareUpdated',
      timestamp: generatedAt,
      techInfo: 'v2',
    });
  });

  it('keeps what OCPP allows empty: a reported variable with empty names, a reported message with no text', async () => {
    await station.call('NotifyReport', {
      requestId: 43,
      generatedAt: new Date().toISOString(),
      seqNo: 0,
      reportData: [{ component: { name: '' }, variable: { name: '' }, variableAttribute: [{ value: '' }] }],
    });
    expect(
      await station.call('NotifyDisplayMessages', {
        requestId: 44,
        messageInfo: [{ id: 77, priority: 'NormalCycle', message: { format: 'ASCII', content: '' } }],
      }),
    ).toEqual({});
    const { chargingStationDeviceModel } = await admin.data<{ chargingStationDeviceModel: unknown[] }>(
      `{ chargingStationDeviceModel(chargingStationId: "${CS}") { component variable attributes { value } } }`,
    );
    expect(chargingStationDeviceModel).toContainEqual({
      component: '',
      variable: '',
      attributes: [{ value: '' }],
    });
  });

  it('refuses what it cannot map as bad input, without bothering the station', async () => {
    received.length = 0;
    expect(
      await admin.errorCode(
        `mutation { triggerMessage(chargingStationId: "${CS}", message: "Coffee") { status } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await admin.errorCode(
        `mutation { changeConfiguration(chargingStationId: "${CS}", key: "no such key", value: "1") { status } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    expect(received).toEqual([]);
  });

  it('answers STATION_OFFLINE, and refuses 2.0.1-only operations on a 1.6 station', async () => {
    expect(
      await admin.errorCode('mutation { reset(chargingStationId: "CS201-OFF", type: SOFT) { status } }'),
    ).toBe('STATION_OFFLINE');
    expect(
      await admin.errorCode('mutation { getBaseReport(chargingStationId: "CS201-OFF") { status } }'),
    ).toBe('STATION_OFFLINE');
    const v16 = await connectStation(server.wsUrl, 'CS16-NEXT');
    try {
      await untilOnline(admin, 'CS16-NEXT');
      expect(
        await admin.errorCode('mutation { getBaseReport(chargingStationId: "CS16-NEXT") { status } }'),
      ).toBe('BAD_USER_INPUT');
    } finally {
      await v16.close({ force: true });
    }
  });

  it('answers STATION_TIMEOUT when a 2.0.1 station does not answer in time', async () => {
    const slow = await connect201(server.wsUrl, 'CS201-SLOW');
    slow.handle('Reset', () => new Promise(() => undefined));
    await untilOnline(admin, 'CS201-SLOW');
    expect(
      await admin.errorCode('mutation { reset(chargingStationId: "CS201-SLOW", type: SOFT) { status } }'),
    ).toBe('STATION_TIMEOUT');
    await slow.close({ force: true });
    await eventually(
      () => admin.errorCode('mutation { clearCache(chargingStationId: "CS201-SLOW") { status } }'),
      (code) => code === 'STATION_OFFLINE',
    );
  });
});
