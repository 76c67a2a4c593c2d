import { ConformanceApp, startConformanceApp, TOKENS } from '../support/conformance-app';
import { bootedStation201, idToken, now } from '../support/ocpp201-steps';
import { str } from '../support/operator';
import { Payload, StationPeer } from '../support/station-peer';

/** A monitor as a station reports it (NotifyMonitoringReport). */
const monitorReport = (requestId: number, seqNo = 0, tbc = false) => ({
  requestId,
  seqNo,
  tbc,
  generatedAt: now(),
  monitor: [
    {
      component: { name: 'EVSE', evse: { id: 1 } },
      variable: { name: 'Power' },
      variableMonitoring: [{ id: 1, transaction: false, value: 22000, type: 'UpperThreshold', severity: 4 }],
    },
  ],
});

/** A NotifyEvent from a monitor. */
const monitorEvent = (trigger: string, extra: Payload = {}) => ({
  generatedAt: now(),
  seqNo: 0,
  eventData: [
    {
      eventId: 1,
      timestamp: now(),
      trigger,
      actualValue: '23000',
      eventNotificationType: 'CustomMonitor',
      variableMonitoringId: 1,
      component: { name: 'EVSE', evse: { id: 1 } },
      variable: { name: 'Power' },
      ...extra,
    },
  ],
});

/** OCTT 2.0.1 block N: monitoring, logs, customer information. */
describe('OCTT OCPP 2.0.1 N – Diagnostics (CSMS under test)', () => {
  let app: ConformanceApp;
  const op = () => app.operator;
  const station = (name: string) => bootedStation201(app, name);

  beforeAll(async () => {
    app = await startConformanceApp('octt201-n');
  });
  afterAll(() => app?.close());

  describe('monitoring', () => {
    /** GetMonitoringReport answered `answer`; resolves with the request (requestId left out). */
    const monitoringReport = async (peer: StationPeer, input: string, answer: string) => {
      const asked = peer.answer('GetMonitoringReport', { status: answer });
      const { status, data } = await op().command(
        `getMonitoringReport(chargingStationId: ${str(peer.id)}${input ? `, input: ${input}` : ''})`,
      );
      expect(status).toBe(answer);
      const { requestId, ...request } = await asked;
      expect(requestId).toBe(data?.requestId);
      if (answer === 'Accepted') {
        expect(await peer.call('NotifyMonitoringReport', monitorReport(requestId as number))).toEqual({});
        expect(await op().notifications(peer.id, 'NotifyMonitoringReport')).toHaveLength(1);
      }
      return request;
    };

    it('TC_N_01_CSMS Get Monitoring Report - with monitoringCriteria', async () => {
      const peer = await station('N01');
      const input = '{ criteria: [ThresholdMonitoring, DeltaMonitoring] }';
      expect(await monitoringReport(peer, input, 'EmptyResultSet')).toEqual({
        monitoringCriteria: ['ThresholdMonitoring', 'DeltaMonitoring'],
      });
      await monitoringReport(peer, input, 'Accepted');
    });

    it('TC_N_02_CSMS Get Monitoring Report - with component/variable', async () => {
      const peer = await station('N02');
      expect(
        await monitoringReport(
          peer,
          '{ componentVariables: [{ component: "EVSE", evseId: 1, variable: "Power" }] }',
          'Accepted',
        ),
      ).toEqual({
        componentVariable: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }],
      });
    });

    it.each([
      ['TC_N_03_CSMS Get Monitoring Report - with component criteria and component/variable', 1],
      ['TC_N_60_CSMS Get Monitoring Report - with component criteria and list of components/variables', 3],
    ])('%s', async (name, count) => {
      const peer = await station(`N-${name.slice(5, 9)}`);
      const components = ['EVSE', 'Connector', 'ChargingStation'].slice(0, count);
      const list = components.map((component) => `{ component: "${component}", evseId: 1 }`).join(', ');
      expect(
        await monitoringReport(
          peer,
          `{ criteria: [PeriodicMonitoring], componentVariables: [${list}] }`,
          'Accepted',
        ),
      ).toEqual({
        monitoringCriteria: ['PeriodicMonitoring'],
        componentVariable: components.map((component) => ({
          component: { name: component, evse: { id: 1 } },
        })),
      });
    });

    it('TC_N_47_CSMS Get Monitoring report - Report all', async () => {
      const peer = await station('N47');
      expect(await monitoringReport(peer, '', 'Accepted')).toEqual({});
    });

    it('TC_N_05_CSMS Set Monitoring Base - success', async () => {
      const peer = await station('N05');
      for (const base of ['All', 'FactoryDefault', 'HardWiredOnly']) {
        const asked = peer.answer('SetMonitoringBase', { status: 'Accepted' });
        expect(
          await op().command(`setMonitoringBase(chargingStationId: ${str(peer.id)}, base: ${base})`),
        ).toEqual({
          status: 'Accepted',
        });
        expect(await asked).toEqual({ monitoringBase: base });
      }
    });

    const setResults = (request: Payload) => ({
      setMonitoringResult: (request.setMonitoringData as Payload[]).map((data, index) => ({
        id: 10 + index,
        status: 'Accepted',
        type: data.type,
        severity: data.severity,
        component: data.component,
        variable: data.variable,
      })),
    });

    it('TC_N_08_CSMS Set Variable Monitoring - One SetMonitoringData element', async () => {
      const peer = await station('N08');
      const asked = peer.answer('SetVariableMonitoring', setResults);
      const results = await op().mutate<Payload[]>(
        `setVariableMonitoring(chargingStationId: ${str(peer.id)}, monitors: [{ component: "EVSE", evseId: 1, variable: "Power", type: UpperThreshold, value: 22000, severity: 4 }]) { id status type severity }`,
      );
      expect(await asked).toEqual({
        setMonitoringData: [
          {
            component: { name: 'EVSE', evse: { id: 1 } },
            variable: { name: 'Power' },
            value: 22000,
            type: 'UpperThreshold',
            severity: 4,
          },
        ],
      });
      expect(results).toEqual([{ id: 10, status: 'Accepted', type: 'UpperThreshold', severity: 4 }]);
    });

    it('TC_N_09_CSMS Set Variable Monitoring - Multiple elements on different component and variable', async () => {
      const peer = await station('N09');
      const asked = peer.answer('SetVariableMonitoring', setResults);
      const results = await op().mutate<Payload[]>(
        `setVariableMonitoring(chargingStationId: ${str(peer.id)}, monitors: [
          { component: "EVSE", evseId: 1, variable: "Power", type: UpperThreshold, value: 22000, severity: 4 },
          { component: "ChargingStation", variable: "Temperature", type: Delta, value: 5, severity: 7, transaction: true }
        ]) { id component variable status }`,
      );
      expect((await asked).setMonitoringData).toHaveLength(2);
      expect(results).toEqual([
        { id: 10, component: 'EVSE', variable: 'Power', status: 'Accepted' },
        { id: 11, component: 'ChargingStation', variable: 'Temperature', status: 'Accepted' },
      ]);
    });

    it.each([
      ['TC_N_16_CSMS Set Monitoring Level - Success', 5, 'Accepted'],
      ['TC_N_17_CSMS Set Monitoring Level - Out of range', 9, 'Rejected'],
    ])('%s', async (_name, severity, answer) => {
      const peer = await station(`N-level-${answer}`);
      const asked = peer.answer('SetMonitoringLevel', { status: answer });
      expect(
        await op().command(`setMonitoringLevel(chargingStationId: ${str(peer.id)}, severity: ${severity})`),
      ).toEqual({
        status: answer,
      });
      expect(await asked).toEqual({ severity });
      expect(
        await op().refusal(`setMonitoringLevel(chargingStationId: ${str(peer.id)}, severity: 10) { status }`),
      ).toBe('BAD_USER_INPUT');
    });

    const clearResults = (status: string) => (request: Payload) => ({
      clearMonitoringResult: (request.id as number[]).map((id) => ({ id, status })),
    });

    it('TC_N_18_CSMS Clear Monitoring - Too many elements', async () => {
      const peer = await station('N18');
      const report = peer.answer('GetBaseReport', { status: 'Accepted' });
      const { data } = await op().command(
        `getBaseReport(chargingStationId: ${str(peer.id)}, reportBase: FullInventory)`,
      );
      await report;
      await peer.call('NotifyReport', {
        requestId: data?.requestId,
        generatedAt: now(),
        seqNo: 0,
        reportData: [
          {
            component: { name: 'MonitoringCtrlr' },
            variable: { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' },
            variableAttribute: [{ type: 'Actual', value: '2', mutability: 'ReadOnly' }],
          },
        ],
      });
      const requests = [1, 2, 3].map(() => peer.answer('ClearVariableMonitoring', clearResults('Accepted')));
      const results = await op().mutate<Payload[]>(
        `clearVariableMonitoring(chargingStationId: ${str(peer.id)}, ids: [1, 2, 3, 4, 5]) { id status }`,
      );
      expect((await Promise.all(requests)).map((request) => request.id)).toEqual([[1, 2], [3, 4], [5]]);
      expect(results.map((result) => result.id)).toEqual([1, 2, 3, 4, 5]);
    });

    it('TC_N_44_CSMS Clear Monitoring - Rejected', async () => {
      const peer = await station('N44');
      const asked = peer.answer('ClearVariableMonitoring', clearResults('Rejected'));
      const results = await op().mutate<Payload[]>(
        `clearVariableMonitoring(chargingStationId: ${str(peer.id)}, ids: [1]) { id status }`,
      );
      expect(await asked).toEqual({ id: [1] });
      expect(results).toEqual([{ id: 1, status: 'Rejected' }]);
    });

    it.each([
      [
        'TC_N_21_CSMS Alert Event - HardWiredMonitor',
        monitorEvent('Alerting', { eventNotificationType: 'HardWiredMonitor' }),
      ],
      ['TC_N_24_CSMS Set Variable Monitoring - Periodic event', monitorEvent('Periodic')],
      [
        'TC_N_48_CSMS Alert Event - Variable monitoring on write only',
        monitorEvent('Alerting', { actualValue: '' }),
      ],
      [
        'TC_N_49_CSMS Alert Event - LowerThreshold/UpperThreshold cleared after reboot',
        monitorEvent('Alerting', { cleared: true }),
      ],
      [
        'TC_N_50_CSMS Alert Event - Periodic Triggered',
        monitorEvent('Periodic', { eventNotificationType: 'PreconfiguredMonitor' }),
      ],
    ])('%s', async (name, event) => {
      const peer = await station(`N-${name.slice(5, 9)}`);
      const repeats = name.includes('N_24') ? 3 : 1;
      for (let seqNo = 0; seqNo < repeats; seqNo += 1) {
        expect(await peer.call('NotifyEvent', { ...event, seqNo })).toEqual({});
      }
      expect(await op().notifications(peer.id, 'NotifyEvent')).toHaveLength(repeats);
    });
  });

  describe('logs', () => {
    /** GetLog answered `answer`; resolves with its requestId. */
    const getLog = async (peer: StationPeer, logType: string, answer = 'Accepted') => {
      const asked = peer.answer('GetLog', { status: answer, filename: `${logType}.zip` });
      const result = await op().command(
        `getLog(chargingStationId: ${str(peer.id)}, input: { logType: ${logType}, remoteLocation: "https://logs.example.com/octt" })`,
      );
      expect(result).toEqual({
        status: answer,
        data: { requestId: expect.any(Number), filename: `${logType}.zip` },
      });
      expect(await asked).toMatchObject({ logType, requestId: result.data?.requestId });
      return result.data?.requestId as number;
    };
    const logStatus = async (peer: StationPeer, requestId: number, ...statuses: string[]) => {
      for (const status of statuses)
        expect(await peer.call('LogStatusNotification', { status, requestId })).toEqual({});
      expect(await op().station(peer.id)).toMatchObject({ diagnosticsStatus: statuses.at(-1) });
    };

    it.each([
      ['TC_N_25_CSMS Retrieve Log Information - Diagnostics Log - Success', 'DiagnosticsLog'],
      ['TC_N_35_CSMS Retrieve Log Information - Security Log - Success', 'SecurityLog'],
    ])('%s', async (_name, logType) => {
      const peer = await station(`N-log-${logType}`);
      await logStatus(peer, await getLog(peer, logType), 'Uploading', 'Uploaded');
    });

    it('TC_N_34_CSMS Retrieve Log Information - Rejected', async () => {
      const peer = await station('N34');
      await getLog(peer, 'DiagnosticsLog', 'Rejected');
    });

    it('TC_N_36_CSMS Retrieve Log Information - Second Request', async () => {
      const peer = await station('N36');
      const first = await getLog(peer, 'DiagnosticsLog');
      await logStatus(peer, first, 'Uploading');
      const second = await getLog(peer, 'DiagnosticsLog', 'AcceptedCanceled');
      await logStatus(peer, first, 'AcceptedCanceled');
      await logStatus(peer, second, 'Uploading', 'Uploaded');
    });
  });

  describe('customer information', () => {
    /** CustomerInformation answered `answer`; resolves with the request (requestId left out). */
    const customerInformation = async (peer: StationPeer, input: string, answer = 'Accepted', extra = '') => {
      const asked = peer.answer('CustomerInformation', { status: answer });
      const { status, data } = await op().command(
        `customerInformation(chargingStationId: ${str(peer.id)}, input: ${input}${extra})`,
      );
      expect(status).toBe(answer);
      const { requestId, ...request } = await asked;
      expect(requestId).toBe(data?.requestId);
      return { requestId: requestId as number, request };
    };
    const notify = async (peer: StationPeer, requestId: number, data: string) => {
      const notification = { data, seqNo: 0, generatedAt: now(), requestId };
      expect(await peer.call('NotifyCustomerInformation', notification)).toEqual({});
      expect(await op().notifications(peer.id, 'NotifyCustomerInformation')).toEqual([notification]);
    };
    const byTag = `{ report: true, clear: false, tagId: ${str(TOKENS.valid)} }`;

    it.each([
      ['TC_N_27_CSMS Get Customer Information - Accepted + data', 'idToken: OCTT-VALID, sessions: 3'],
      ['TC_N_28_CSMS Get Customer Information - Accepted + no data', ''],
    ])('%s', async (name, data) => {
      const peer = await station(`N-${name.slice(5, 9)}`);
      const { requestId, request } = await customerInformation(peer, byTag);
      expect(request).toEqual({ report: true, clear: false, idToken: idToken(TOKENS.valid) });
      await notify(peer, requestId, data);
    });

    it('TC_N_29_CSMS Get Customer Information - Not Accepted', async () => {
      const peer = await station('N29');
      await customerInformation(peer, byTag, 'Rejected');
    });

    it.each([
      ['TC_N_30_CSMS Clear Customer Information - Clear and report + data', 'cleared: 2 sessions'],
      ['TC_N_31_CSMS Clear Customer Information - Clear and report + no data', ''],
    ])('%s', async (name, data) => {
      const peer = await station(`N-${name.slice(5, 9)}`);
      const { requestId, request } = await customerInformation(
        peer,
        `{ report: true, clear: true, tagId: ${str(TOKENS.valid)} }`,
      );
      expect(request).toEqual({ report: true, clear: true, idToken: idToken(TOKENS.valid) });
      await notify(peer, requestId, data);
    });

    it('TC_N_32_CSMS Clear Customer Information - Clear and no report', async () => {
      const peer = await station('N32');
      const { request } = await customerInformation(
        peer,
        `{ report: false, clear: true, tagId: ${str(TOKENS.valid)} }`,
      );
      expect(request).toEqual({ report: false, clear: true, idToken: idToken(TOKENS.valid) });
    });

    it('TC_N_46_CSMS Clear Customer Information - Update Local Authorization List', async () => {
      const peer = await station('N46');
      await customerInformation(peer, `{ report: false, clear: true, tagId: ${str(TOKENS.groupA)} }`);
      const sent = peer.answer('SendLocalList', { status: 'Accepted' });
      expect(
        await op().command(
          `sendLocalList(chargingStationId: ${str(peer.id)}, input: { listVersion: 9, updateType: DIFFERENTIAL, removeTagIds: [${str(TOKENS.groupA)}] })`,
        ),
      ).toEqual({ status: 'Accepted' });
      expect(await sent).toEqual({
        versionNumber: 9,
        updateType: 'Differential',
        localAuthorizationList: [{ idToken: idToken(TOKENS.groupA) }],
      });
    });

    it('TC_N_62_CSMS Clear Customer Information - Clear and report - customerIdentifier', async () => {
      const peer = await station('N62');
      const { requestId, request } = await customerInformation(
        peer,
        '{ report: true, clear: true, customerIdentifier: "OCTT-CUSTOMER-42" }',
      );
      expect(request).toEqual({ report: true, clear: true, customerIdentifier: 'OCTT-CUSTOMER-42' });
      await notify(peer, requestId, 'customer OCTT-CUSTOMER-42: cleared');
    });

    it('TC_N_63_CSMS Clear Customer Information - Clear and report - customerCertificate', async () => {
      const peer = await station('N63');
      const certificate = {
        hashAlgorithm: 'SHA256',
        issuerNameHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
        issuerKeyHash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
        serialNumber: '1001',
      };
      const { requestId, request } = await customerInformation(
        peer,
        '{ report: true, clear: true }',
        'Accepted',
        `, customerCertificate: { hashAlgorithm: SHA256, issuerNameHash: ${str(certificate.issuerNameHash)}, issuerKeyHash: ${str(certificate.issuerKeyHash)}, serialNumber: "1001" }`,
      );
      expect(request).toEqual({ report: true, clear: true, customerCertificate: certificate });
      await notify(peer, requestId, 'contract certificate 1001: cleared');
    });
  });
});
