import { BOOT, connect201 } from '../ocpp201/ocpp201-station';
import { createStationIn } from '../organizations/support/organizations';
import { GraphQLClient } from '../support/graphql-client';
import { PythonStation } from '../support/python-station';
import { createUserAndLogin, eventually } from '../support/users';
import { HubjectSimulator } from './support/hubject-simulator';
import { RoamingTenant, collection, startRoamingTenant } from './support/roaming-fixture';

const STATION = 'OICP-16';
/** Our EVSE's eMI3 id: the operator id, `E`, the station id's letters and digits, the connector. */
const EVSE_ID = 'DE*VGC*EOICP16*1';
const CARD = '04A2B3C4D5E6F7';

const SETTINGS_FIELDS =
  'enabled operatorId operatorName hotlinePhoneNumber baseUrl hasClientCertificate certificateExpiresAt certificateExpiresSoon';
const SET_SETTINGS = `mutation($input: SetOicpSettingsInput!) { setOicpSettings(input: $input) { ${SETTINGS_FIELDS} } }`;

/** 0.40/kWh (20 % VAT), 2/h of charging, 1 per session (20 % VAT). */
const TARIFF = {
  name: 'Roaming tariff',
  currency: 'EUR',
  elements: [
    {
      priceComponents: [
        { type: 'ENERGY', price: 0.4, vat: 20, stepSize: 1 },
        { type: 'TIME', price: 2, stepSize: 1 },
        { type: 'FLAT', price: 1, vat: 20, stepSize: 1 },
      ],
    },
  ],
};

interface LogEntry {
  direction: string;
  module: string;
  httpStatus: number | null;
  statusMessage: string | null;
  error: string | null;
}

/**
 * Our CPO side of OICP 2.3 against oicp-kit's Hubject simulator, with a real OCPP 1.6-J station (the
 * Python `ocpp` package): EVSE data and status pushed, an RFID card unknown to us authorized by
 * Hubject, the session's notifications and its CDR, every message checked against Hubject's OpenAPI.
 */
describe('OICP 2.3 CPO with the Hubject simulator', () => {
  let tenant: RoamingTenant;
  let hubject: HubjectSimulator;
  let station: PythonStation;
  let tariffId: string;

  beforeAll(async () => {
    hubject = await HubjectSimulator.start();
    tenant = await startRoamingTenant('oicp-cpo', {
      OCPI_SESSION_UPDATE_SECONDS: '0',
      ROAMING_OUTBOX_POLL_MS: '100',
    });
    const { createTariff } = await tenant.admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      { input: TARIFF },
    );
    tariffId = createTariff.id;
    await tenant.admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
      input: { tariffId, level: 'TENANT' },
    });
    await createStationIn(tenant.admin, STATION, tenant.siteAreaId);
    station = PythonStation.spawn('ocpp16_billing_station.py', [`${tenant.app.wsUrl}/ocpp/default`, STATION]);
    expect((await station.next(60_000)).event).toBe('booted');
  });

  afterAll(async () => {
    station?.send('quit');
    station?.kill();
    hubject?.stop();
    await tenant?.app.close();
  });

  function settingsInput(extra: Record<string, unknown> = {}) {
    return {
      enabled: true,
      operatorId: 'DE*VGC',
      operatorName: 'Voltgrid CPO',
      hotlinePhoneNumber: '+4930123456',
      baseUrl: hubject.baseUrl,
      ...extra,
    };
  }

  async function partnerId(): Promise<string> {
    const settings = await collection(tenant, 'oicp_settings').findOne({});
    return String(settings!.partnerId);
  }

  async function log(): Promise<LogEntry[]> {
    const { ocpiMessages } = await tenant.admin.data<{ ocpiMessages: { edges: { node: LogEntry }[] } }>(
      'query($partnerId: ID) { ocpiMessages(partnerId: $partnerId, first: 100) { edges { node { direction module httpStatus statusMessage error } } } }',
      { partnerId: await partnerId() },
    );
    return ocpiMessages.edges.map((edge) => edge.node).reverse();
  }

  describe('settings', () => {
    it('are the admins’: a driver may neither read nor set them', async () => {
      const driver: GraphQLClient = (await createUserAndLogin(tenant.admin, 'BASIC')).client;
      expect(await driver.errorCode(`{ oicpSettings { ${SETTINGS_FIELDS} } }`)).toBe('FORBIDDEN');
      expect(await driver.errorCode(SET_SETTINGS, { input: settingsInput() })).toBe('FORBIDDEN');
    });

    it('refuse what Hubject would not take, naming the field', async () => {
      for (const bad of [
        { operatorId: 'DE-VG' },
        { hotlinePhoneNumber: '030 123456' },
        { baseUrl: 'ftp://hubject.example' },
        { clientCertificatePem: 'not a certificate', clientKeyPem: 'not a key' },
      ]) {
        const result = await tenant.admin.request(SET_SETTINGS, { input: settingsInput(bad) });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect(await tenant.admin.data(`{ oicpSettings { enabled } }`)).toEqual({ oicpSettings: null });
    });

    it('connect the tenant to Hubject and push every public EVSE with its status', async () => {
      const { setOicpSettings } = await tenant.admin.data<{ setOicpSettings: Record<string, unknown> }>(
        SET_SETTINGS,
        { input: settingsInput() },
      );
      expect(setOicpSettings).toMatchObject({
        enabled: true,
        operatorId: 'DE*VGC',
        hasClientCertificate: false,
        certificateExpiresAt: null,
        certificateExpiresSoon: false,
      });
      const records = await eventually(
        () => hubject.evseData(),
        (found) => found.some((record) => record.EvseID === EVSE_ID),
      );
      expect(records.find((record) => record.EvseID === EVSE_ID)).toMatchObject({
        ChargingStationId: STATION,
        IsHubjectCompatible: true,
        HotlinePhoneNumber: '+4930123456',
        Address: expect.objectContaining({
          Country: 'DEU',
          City: 'Berlin',
          Street: 'Marktplatz',
          HouseNum: '1',
        }),
      });
      await eventually(
        () => hubject.evseStatuses(),
        (statuses) => statuses.get(EVSE_ID) === 'Available',
      );
      const pushes = (await log()).filter((entry) => entry.module.startsWith('oicp:PushEvse'));
      expect(pushes.map((entry) => entry.statusMessage)).toContain('true 000 Success');
    });
  });

  describe('a session of a card unknown to us', () => {
    it('is authorized by Hubject, reported from start to CDR with our price', async () => {
      station.send(`authorize ${CARD}`);
      expect(await station.next()).toEqual({ event: 'authorized', status: 'Accepted' });
      const sessionId = String(
        (await collection(tenant, 'roaming_authorizations').findOne({ tokenUid: CARD }))!
          .authorizationReference,
      );
      expect(sessionId).toMatch(/^[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}$/);

      station.send(`session ${CARD} 30 12000`);
      expect(await station.next()).toMatchObject({ event: 'started', status: 'Accepted' });
      expect((await station.next()).event).toBe('stopped');

      // Start, Progress, AuthorizeStop, End, CDR: each acknowledged by the simulator, which refuses
      // notifications and CDRs of sessions it did not open.
      const sent = await eventually(
        () => log(),
        (entries) => entries.some((entry) => entry.module === 'oicp:ChargeDetailRecord'),
        30_000,
      );
      const ofSession = sent.filter((entry) => !entry.module.startsWith('oicp:PushEvse'));
      expect(ofSession.map((entry) => [entry.module, entry.statusMessage])).toEqual([
        ['oicp:AuthorizeStart', 'Authorized 000 Success'],
        ['oicp:ChargingNotifications', 'true 000 Success'],
        ['oicp:ChargingNotifications', 'true 000 Success'],
        ['oicp:AuthorizeStop', 'Authorized 000 Success'],
        ['oicp:ChargingNotifications', 'true 000 Success'],
        ['oicp:ChargeDetailRecord', 'true 000 Success'],
      ]);

      // The simulator holds our CDR for that session: a second one is refused.
      const again = await hubject.post<{ Result: boolean; StatusCode: { Code: string } }>(
        '/cdrmgmt/v22/operators/DE*VGC/charge-detail-record',
        {
          SessionID: sessionId,
          EvseID: EVSE_ID,
          Identification: { RFIDMifareFamilyIdentification: { UID: CARD } },
          ChargingStart: new Date().toISOString(),
          ChargingEnd: new Date().toISOString(),
          SessionStart: new Date().toISOString(),
          SessionEnd: new Date().toISOString(),
          ConsumedEnergy: 12,
        },
      );
      expect(again.body).toMatchObject({ Result: false, StatusCode: { Code: '400' } });

      // Our price: the tariff frozen on the session, by our engine (4.80 energy + 1.00 time + 1.00 flat).
      const cdr = await collection(tenant, 'roaming_cdrs').findOne({});
      expect(cdr).toMatchObject({
        partnerId: await partnerId(),
        session: expect.objectContaining({ authorizationReference: sessionId, kwh: 12 }),
        pricing: expect.objectContaining({ total_cost: { excl_vat: 6.8, incl_vat: 7.96 } }),
        tariff: expect.objectContaining({ id: tariffId }),
      });
      // Delivered messages leave the outbox: nothing was refused, nothing waits.
      expect(
        await collection(tenant, 'roaming_outbox').countDocuments({ partnerId: await partnerId() }),
      ).toBe(0);
    });

    it('has its status changes pushed as they happen', async () => {
      await eventually(
        () => hubject.evseStatuses(),
        (statuses) => statuses.get(EVSE_ID) === 'Available',
      );
      const statusPushes = (await log()).filter((entry) => entry.module === 'oicp:PushEvseStatus');
      // The first full push, then Charging (Occupied) and Available again.
      expect(statusPushes.length).toBeGreaterThanOrEqual(3);
      expect(statusPushes.every((entry) => entry.statusMessage === 'true 000 Success')).toBe(true);
    });
  });

  describe('at an OCPP 2.0.1 station', () => {
    it('asks Hubject about a card unknown to us too', async () => {
      await createStationIn(tenant.admin, 'OICP-201', tenant.siteAreaId);
      const station201 = await connect201(tenant.app.wsUrl, 'OICP-201');
      try {
        await station201.call('BootNotification', BOOT);
        await station201.call('StatusNotification', {
          timestamp: new Date().toISOString(),
          connectorStatus: 'Available',
          evseId: 1,
          connectorId: 1,
        });
        // Hubject knows the new EVSE before a driver stands at it.
        await eventually(
          () => hubject.evseData(),
          (records) => records.some((record) => record.EvseID === 'DE*VGC*EOICP201*1'),
        );
        const answer = (await station201.call('Authorize', {
          idToken: { idToken: '0A1B2C3D', type: 'ISO14443' },
        })) as { idTokenInfo: { status: string } };
        expect(answer.idTokenInfo.status).toBe('Accepted');
        const authorization = await collection(tenant, 'roaming_authorizations').findOne({
          tokenUid: '0A1B2C3D',
        });
        expect(authorization).toMatchObject({ stationId: 'OICP-201', partnerId: await partnerId() });
        // A badge that cannot be an RFID UID is not Hubject's to decide: still unknown.
        const other = (await station201.call('Authorize', {
          idToken: { idToken: 'not-a-card', type: 'Central' },
        })) as { idTokenInfo: { status: string } };
        expect(other.idTokenInfo.status).not.toBe('Accepted');
      } finally {
        await station201.close({ force: true });
      }
    });
  });

  describe('requests from Hubject', () => {
    it('are refused without a client certificate of the Hubject CA, with OICP’s own status', async () => {
      const response = await fetch(
        `${tenant.app.httpUrl}/oicp/default/charging/v21/providers/DE-DCB/authorize-remote/start`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ Result: false, StatusCode: { Code: '017' } });
    });
  });
});
