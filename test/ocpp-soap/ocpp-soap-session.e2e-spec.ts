import { asTenantId } from '@csms/common';
import { SoapStationCommands } from '@csms/ocpp/soap';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { SoapTestStation, SoapVersion } from './support/soap-test-station';

const TENANT = asTenantId('default');

/** The few payloads where 1.5 and 1.6 differ. */
const DIALECT = {
  '1.5': {
    intervalOf: (boot: Record<string, unknown>) => boot.heartbeatInterval,
    busyStatus: 'Occupied',
    meterValues: (transactionId: number, timestamp: string, wh: number, watts: number) => ({
      connectorId: 1,
      transactionId,
      values: [
        {
          timestamp,
          value: [
            { attributes: { measurand: 'Energy.Active.Import.Register', unit: 'Wh' }, $value: String(wh) },
            { attributes: { measurand: 'Power.Active.Import', unit: 'W' }, $value: String(watts) },
          ],
        },
      ],
    }),
    stop: (transactionId: number, timestamp: string, wh: number) => ({
      transactionId,
      idTag: 'SOAP-TAG',
      timestamp,
      meterStop: wh,
      transactionData: [
        {
          values: [
            {
              timestamp,
              value: [
                {
                  attributes: { measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
                  $value: String(wh),
                },
              ],
            },
          ],
        },
      ],
    }),
  },
  '1.6': {
    intervalOf: (boot: Record<string, unknown>) => boot.interval,
    busyStatus: 'Charging',
    meterValues: (transactionId: number, timestamp: string, wh: number, watts: number) => ({
      connectorId: 1,
      transactionId,
      meterValue: [
        {
          timestamp,
          sampledValue: [
            { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
            { value: String(watts), measurand: 'Power.Active.Import', unit: 'W' },
          ],
        },
      ],
    }),
    stop: (transactionId: number, timestamp: string, wh: number) => ({
      transactionId,
      idTag: 'SOAP-TAG',
      timestamp,
      meterStop: wh,
      reason: 'Remote',
      transactionData: [
        {
          timestamp,
          sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    }),
  },
};

interface TransactionView {
  id: string;
  ocppTransactionId: string;
  active: boolean;
  energyWh: number;
  stopReason: string | null;
  consumptions: { cumulatedWh: number; instantWatts: number | null }[];
}

const TRANSACTION_FIELDS =
  'id ocppTransactionId active energyWh stopReason consumptions { cumulatedWh instantWatts }';

describe('OCPP-S: a station built from the OCA WSDLs runs a whole session', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let commands: SoapStationCommands;

  beforeAll(async () => {
    app = await startTestApp('ocpp-soap-session');
    admin = (await createUserAndLogin(await loginAsAdmin(app.httpUrl), 'ADMIN')).client;
    commands = app.app.get(SoapStationCommands);
    await createTag(admin, { id: 'SOAP-TAG' });
  });
  afterAll(() => app.close());

  describe.each<SoapVersion>(['1.5', '1.6'])('OCPP %s', (version) => {
    const stationId = `SOAP-${version.replace('.', '')}`;
    const dialect = DIALECT[version];
    let station: SoapTestStation;
    let transactionId: number;

    beforeAll(async () => {
      station = await SoapTestStation.start(
        version,
        `${app.httpUrl}/ocpp/soap/default/${version}`,
        stationId,
      );
    });
    afterAll(() => station.close());

    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

    it('serves its WSDL at ?wsdl with the address it was fetched from', async () => {
      const response = await fetch(`${app.httpUrl}/ocpp/soap/default/${version}?wsdl`);
      const wsdl = await response.text();
      expect(response.status).toBe(200);
      expect(wsdl).toContain(`location="${app.httpUrl}/ocpp/soap/default/${version}"`);
      expect(wsdl).toContain(version === '1.5' ? 'urn://Ocpp/Cs/2012/06/' : 'urn://Ocpp/Cs/2015/10/');
    });

    it('boots, answering with WS-Addressing RelatesTo and the response Action', async () => {
      const boot = await station.call('BootNotification', {
        chargePointVendor: 'SoapVendor',
        chargePointModel: `Model-${version}`,
        chargePointSerialNumber: 'SN-1',
        firmwareVersion: '1.0.0',
      });
      expect(boot.status).toBe('Accepted');
      expect(dialect.intervalOf(boot)).toBeGreaterThan(0);
      const sentMessageId = /<wsa:MessageID[^>]*>([^<]+)</.exec(station.lastRequest)?.[1];
      expect(station.lastResponseHeaders.Action).toBe('/BootNotificationResponse');
      expect(station.lastResponseHeaders.RelatesTo).toBe(sentMessageId);

      const { chargingStation } = await admin.data<{ chargingStation: Record<string, unknown> }>(
        `{ chargingStation(id: "${stationId}") { id online ocppVersion ocppProtocol vendor model } }`,
      );
      expect(chargingStation).toEqual({
        id: stationId,
        online: true,
        ocppVersion: version,
        ocppProtocol: 'soap',
        vendor: 'SoapVendor',
        model: `Model-${version}`,
      });
      expect(await commands.isSoapStation(TENANT, stationId)).toBe(true);
    });

    it('authorizes known tags and refuses unknown ones', async () => {
      const known = await station.call<{ idTagInfo: { status: string } }>('Authorize', { idTag: 'SOAP-TAG' });
      const unknown = await station.call<{ idTagInfo: { status: string } }>('Authorize', { idTag: 'NOBODY' });
      expect(known.idTagInfo.status).toBe('Accepted');
      expect(unknown.idTagInfo.status).toBe('Invalid');
    });

    it('reports heartbeats and connector statuses', async () => {
      const heartbeat = await station.call<{ currentTime: Date }>('Heartbeat', {});
      expect(Math.abs(new Date(heartbeat.currentTime).getTime() - Date.now())).toBeLessThan(60_000);
      await station.call('StatusNotification', {
        connectorId: 1,
        status: dialect.busyStatus,
        errorCode: 'NoError',
      });
      const { chargingStation } = await admin.data<{
        chargingStation: { connectors: { connectorId: number; status: string }[] };
      }>(`{ chargingStation(id: "${stationId}") { connectors { connectorId status } } }`);
      expect(chargingStation.connectors).toContainEqual({ connectorId: 1, status: dialect.busyStatus });
    });

    it('starts a transaction and turns its meter values into the charging curve', async () => {
      const start = await station.call<{ transactionId: number; idTagInfo: { status: string } }>(
        'StartTransaction',
        {
          connectorId: 1,
          idTag: 'SOAP-TAG',
          timestamp: minutesAgo(10),
          meterStart: 1000,
        },
      );
      expect(start.idTagInfo.status).toBe('Accepted');
      expect(Number.isInteger(start.transactionId)).toBe(true);
      transactionId = start.transactionId;

      await station.call('MeterValues', dialect.meterValues(transactionId, minutesAgo(6), 1500, 7000));
      await station.call('MeterValues', dialect.meterValues(transactionId, minutesAgo(3), 2500, 11000));

      const transaction = await findTransaction(admin, stationId, transactionId);
      expect(transaction.active).toBe(true);
      expect(transaction.consumptions.map((point) => point.cumulatedWh)).toEqual(
        expect.arrayContaining([500, 1500]),
      );
      expect(transaction.consumptions.map((point) => point.instantWatts)).toEqual(
        expect.arrayContaining([7000, 11000]),
      );
    });

    it('stops the transaction remotely through GraphQL, at the station endpoint', async () => {
      station.received.length = 0;
      const { id } = await findTransaction(admin, stationId, transactionId);
      const { remoteStopTransaction } = await admin.data<{ remoteStopTransaction: { status: string } }>(
        'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }',
        { id },
      );
      expect(remoteStopTransaction).toEqual({ status: 'Accepted' });
      expect(station.received).toHaveLength(1);
      const [call] = station.received;
      expect(call.operation).toBe('RemoteStopTransaction');
      expect(call.args).toEqual({ transactionId });
      expect(call.headers).toMatchObject({ chargeBoxIdentity: stationId, Action: '/RemoteStopTransaction' });
      expect(call.headers.MessageID).toMatch(/^urn:uuid:/);

      // The station does what it was asked.
      const stop = await station.call<{ idTagInfo?: { status: string } }>(
        'StopTransaction',
        dialect.stop(transactionId, minutesAgo(1), 3000),
      );
      expect(stop.idTagInfo?.status ?? 'Accepted').toBe('Accepted');
      const transaction = await eventually(
        () => findTransaction(admin, stationId, transactionId),
        (found) => !found.active,
      );
      expect(transaction.energyWh).toBe(2000);
      if (version === '1.6') expect(transaction.stopReason).toBe('Remote');
    });

    it('resets the station through GraphQL and hands back its own answer word', async () => {
      station.answers.Reset = () => ({ status: 'Rejected' });
      station.received.length = 0;
      const { reset } = await admin.data<{ reset: { status: string } }>(
        'mutation($id: ID!) { reset(chargingStationId: $id, type: SOFT) { status } }',
        { id: stationId },
      );
      expect(reset).toEqual({ status: 'Rejected' });
      expect(station.received).toMatchObject([{ operation: 'Reset', args: { type: 'Soft' } }]);
    });

    it('reads the configuration', async () => {
      station.answers.GetConfiguration = () => ({
        configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
        unknownKey: ['Nope'],
      });
      const report = await commands.getConfiguration(TENANT, stationId, ['HeartbeatInterval', 'Nope']);
      expect(report).toEqual({
        keys: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
        unknownKeys: ['Nope'],
      });
    });

    it('sends the commands of its version and refuses the others', async () => {
      const profile = {
        chargingProfileId: 1,
        stackLevel: 0,
        purpose: 'TxDefaultProfile' as const,
        kind: 'Absolute' as const,
        schedule: { rateUnit: 'W' as const, periods: [{ startPeriod: 0, limit: 11000 }] },
      };
      if (version === '1.5') {
        await expect(
          commands.triggerMessage(TENANT, stationId, { message: 'Heartbeat' }),
        ).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          message: 'TriggerMessage is not supported by OCPP 1.5',
        });
        await expect(commands.setChargingProfile(TENANT, stationId, 1, profile)).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          message: 'SetChargingProfile is not supported by OCPP 1.5',
        });
        return;
      }
      station.received.length = 0;
      expect(await commands.triggerMessage(TENANT, stationId, { message: 'Heartbeat' })).toEqual({
        status: 'Accepted',
      });
      expect(await commands.setChargingProfile(TENANT, stationId, 1, profile)).toEqual({
        status: 'Accepted',
      });
      expect(station.received.map((call) => call.operation)).toEqual([
        'TriggerMessage',
        'SetChargingProfile',
      ]);
      expect(station.received[1].args).toMatchObject({
        connectorId: 1,
        csChargingProfiles: {
          chargingProfileId: 1,
          chargingProfilePurpose: 'TxDefaultProfile',
          chargingSchedule: {
            chargingRateUnit: 'W',
            chargingSchedulePeriod: [{ startPeriod: 0, limit: '11000' }],
          },
        },
      });
    });

    it('logs SOAP traffic in the OCPP message log', async () => {
      type LogPage = {
        ocppMessages: {
          edges: { node: { direction: string; action: string | null; answerType: string | null } }[];
        };
      };
      // The log is written in batches: poll until the last exchange is in.
      const { ocppMessages } = await eventually(
        () =>
          admin.data<LogPage>(
            `{ ocppMessages(chargingStationId: "${stationId}", first: 200) { edges { node { direction action answerType } } } }`,
          ),
        (page) => page.ocppMessages.edges.some((edge) => edge.node.action === 'GetConfiguration'),
      );
      const nodes = ocppMessages.edges.map((edge) => edge.node);
      expect(nodes).toEqual(
        expect.arrayContaining([
          { direction: 'IN', action: 'BootNotification', answerType: 'CALLRESULT' },
          { direction: 'OUT', action: 'RemoteStopTransaction', answerType: 'CALLRESULT' },
        ]),
      );
    });
  });
});

async function findTransaction(
  admin: GraphQLClient,
  stationId: string,
  ocppTransactionId: number,
): Promise<TransactionView> {
  const { transactions } = await admin.data<{ transactions: { edges: { node: TransactionView }[] } }>(
    `{ transactions(filter: { chargingStationId: "${stationId}" }, first: 50) { edges { node { ${TRANSACTION_FIELDS} } } } }`,
  );
  const found = transactions.edges
    .map((edge) => edge.node)
    .find((node) => node.ocppTransactionId === String(ocppTransactionId));
  if (!found) throw new Error(`No transaction ${ocppTransactionId} for ${stationId}`);
  const { transaction } = await admin.data<{ transaction: TransactionView }>(
    `{ transaction(id: "${found.id}") { ${TRANSACTION_FIELDS} } }`,
  );
  return transaction;
}
