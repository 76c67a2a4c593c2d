import { BOOT, connect201 } from '../ocpp201/ocpp201-station';
import { TestPki } from '../ocpp-security/tls-certificates';
import { createSiteArea, createStationIn } from '../organizations/support/organizations';
import { GraphQLClient } from '../support/graphql-client';
import { PythonStation } from '../support/python-station';
import { createUserAndLogin, eventually } from '../support/users';
import { HubjectRecorder } from './support/hubject-recorder';
import { postOicp } from './support/oicp-post';
import { HubjectSimulator } from './support/hubject-simulator';
import { RoamingTenant, collection, startRoamingTenant } from './support/roaming-fixture';

const STATION = 'OICP-16';
/** Our EVSE's eMI3 id: the operator id, `E`, the station id's letters and digits, the connector. */
const EVSE_ID = 'DE*VGC*EOICP16*1';
const CARD = '04A2B3C4D5E6F7';
/** The messages of a session, in the order Hubject must get them. */
const SESSION_MODULES = new Set([
  'oicp:AuthorizeStart',
  'oicp:AuthorizeStop',
  'oicp:ChargingNotifications',
  'oicp:ChargeDetailRecord',
]);

const SETTINGS_FIELDS =
  'enabled operatorId operatorName hotlinePhoneNumber baseUrl dynamicPricing hasClientCertificate certificateExpiresAt certificateExpiresSoon';
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
 * Hubject, the session's notifications (errors too) and its CDR, every message checked against
 * Hubject's OpenAPI. A recorder in front of the simulator keeps what we sent, and answers dynamic
 * pricing (which the simulator does not serve) after checking it against the OpenAPI file.
 */
describe('OICP 2.3 CPO with the Hubject simulator', () => {
  let tenant: RoamingTenant;
  let hubject: HubjectSimulator;
  let recorder: HubjectRecorder;
  let station: PythonStation;
  let tariffId: string;

  beforeAll(async () => {
    hubject = await HubjectSimulator.start();
    recorder = await HubjectRecorder.start(hubject.baseUrl);
    tenant = await startRoamingTenant('oicp-cpo', {
      OCPI_SESSION_UPDATE_SECONDS: '0',
      ROAMING_OUTBOX_POLL_MS: '100',
      OICP_STATUS_PUSH_SECONDS: '2',
      // As behind a reverse proxy on this host that ends TLS and forwards Hubject's certificate.
      OICP_TRUSTED_PROXIES: '127.0.0.1',
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
    await tenant?.app.close();
    await recorder?.stop();
    hubject?.stop();
  });

  function settingsInput(extra: Record<string, unknown> = {}) {
    return {
      enabled: true,
      operatorId: 'DE*VGC',
      operatorName: 'Voltgrid CPO',
      hotlinePhoneNumber: '+4930123456',
      baseUrl: recorder.baseUrl,
      ...extra,
    };
  }

  async function partnerId(): Promise<string> {
    const settings = await collection(tenant, 'oicp_settings').findOne({});
    return String(settings!.partnerId);
  }

  async function log(): Promise<LogEntry[]> {
    const { ocpiMessages } = await tenant.admin.data<{ ocpiMessages: { edges: { node: LogEntry }[] } }>(
      'query($partnerId: ID) { ocpiMessages(partnerId: $partnerId, first: 500) { edges { node { direction module httpStatus statusMessage error } } } }',
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
        dynamicPricing: false,
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
      const ofSession = sent.filter((entry) => SESSION_MODULES.has(entry.module));
      expect(ofSession.map((entry) => [entry.module, entry.statusMessage])).toEqual([
        ['oicp:AuthorizeStart', 'Authorized 000 Success'],
        ['oicp:ChargingNotifications', 'true 000 Success'],
        ['oicp:ChargingNotifications', 'true 000 Success'],
        ['oicp:AuthorizeStop', 'Authorized 000 Success'],
        ['oicp:ChargingNotifications', 'true 000 Success'],
        ['oicp:ChargeDetailRecord', 'true 000 Success'],
      ]);

      // The simulator holds our CDR for that session: a second one is refused. One instant for all four
      // timestamps: read one by one, a millisecond's tick could put them out of order (a data error).
      const instant = new Date().toISOString();
      const again = await hubject.post<{ Result: boolean; StatusCode: { Code: string } }>(
        '/cdrmgmt/v22/operators/DE*VGC/charge-detail-record',
        {
          SessionID: sessionId,
          EvseID: EVSE_ID,
          Identification: { RFIDMifareFamilyIdentification: { UID: CARD } },
          ChargingStart: instant,
          ChargingEnd: instant,
          SessionStart: instant,
          SessionEnd: instant,
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
      // The CDR names the pricing product: our tariff.
      expect(
        recorder.bodiesOf('ChargeDetailRecord').find((body) => body.SessionID === sessionId),
      ).toMatchObject({ PartnerProductID: tariffId, ConsumedEnergy: 12 });
      // Delivered messages leave the outbox: nothing was refused, nothing waits.
      // (The periodic status full load may be waiting: it is not refused.)
      expect(
        await collection(tenant, 'roaming_outbox').countDocuments({
          partnerId: await partnerId(),
          status: { $ne: 'PENDING' },
        }),
      ).toBe(0);
    });

    it('has its status changes pushed as they happen', async () => {
      await eventually(
        () => hubject.evseStatuses(),
        (statuses) => statuses.get(EVSE_ID) === 'Available',
      );
      const statusPushes = (await log()).filter((entry) => entry.module === 'oicp:PushEvseStatus');
      expect(statusPushes.every((entry) => entry.statusMessage === 'true 000 Success')).toBe(true);
      // Besides the periodic full loads: Charging (Occupied) and Available again, as updates.
      const updates = recorder
        .bodiesOf('PushEvseStatus')
        .filter((body) => body.ActionType === 'update')
        .map((body) => statusOf(body, EVSE_ID));
      expect(updates).toEqual(expect.arrayContaining(['Occupied', 'Available']));
    });
  });

  describe('charging errors during a Hubject session', () => {
    /** Authorizes a new card at Hubject and starts charging with it; Hubject's SessionID. */
    async function startSession(card: string): Promise<string> {
      station.send(`authorize ${card}`);
      expect(await station.next()).toEqual({ event: 'authorized', status: 'Accepted' });
      station.send(`start ${card} 2000`);
      expect(await station.next()).toMatchObject({ event: 'started', status: 'Accepted' });
      const sessionId = String(
        (await collection(tenant, 'roaming_authorizations').findOne({ tokenUid: card }))!
          .authorizationReference,
      );
      await eventually(
        async () => notificationsOf(sessionId),
        (types) => types.includes('Progress'),
      );
      return sessionId;
    }

    function notificationsOf(sessionId: string): string[] {
      return recorder
        .bodiesOf('ChargingNotifications')
        .filter((body) => body.SessionID === sessionId)
        .map((body) => String(body.Type));
    }

    async function stopAndAwaitCdr(sessionId: string, reason: string): Promise<void> {
      station.send(`stop ${reason} 5000`);
      expect((await station.next()).event).toBe('stopped');
      await eventually(
        async () => recorder.bodiesOf('ChargeDetailRecord').map((body) => body.SessionID),
        (sessions) => sessions.includes(sessionId),
        30_000,
      );
    }

    it('a connector that turns Faulted is told once, as ConnectorError for a lock failure, before the end', async () => {
      const sessionId = await startSession('04B2B3C4D5E6F8');
      station.send('fault ConnectorLockFailure');
      expect(await station.next()).toEqual({ event: 'faulted' });
      await eventually(
        async () => notificationsOf(sessionId),
        (types) => types.includes('Error'),
      );
      // An emergency stop right after is the same fault: no second Error.
      await stopAndAwaitCdr(sessionId, 'EmergencyStop');
      expect(notificationsOf(sessionId)).toEqual(['Start', 'Progress', 'Error', 'End']);
      const error = recorder
        .bodiesOf('ChargingNotifications')
        .find((body) => body.SessionID === sessionId && body.Type === 'Error');
      expect(error).toMatchObject({
        EvseID: EVSE_ID,
        OperatorID: 'DE*VGC',
        ErrorType: 'ConnectorError',
        ErrorAdditionalInfo: expect.stringContaining('ConnectorLockFailure'),
        Identification: { RFIDMifareFamilyIdentification: { UID: '04B2B3C4D5E6F8' } },
      });
      // The simulator took it (it refuses notifications of sessions it does not hold).
      const answers = (await log()).filter((entry) => entry.module === 'oicp:ChargingNotifications');
      expect(answers.every((entry) => entry.statusMessage === 'true 000 Success')).toBe(true);
    });

    it('a station that stops for a power loss is told as CriticalError, before the end', async () => {
      const sessionId = await startSession('04C2B3C4D5E6F9');
      await stopAndAwaitCdr(sessionId, 'PowerLoss');
      expect(notificationsOf(sessionId)).toEqual(['Start', 'Progress', 'Error', 'End']);
      expect(
        recorder
          .bodiesOf('ChargingNotifications')
          .find((body) => body.SessionID === sessionId && body.Type === 'Error'),
      ).toMatchObject({
        ErrorType: 'CriticalError',
        ErrorAdditionalInfo: 'Stopped by the station: PowerLoss',
      });
    });

    it('an ordinary stop is no error', async () => {
      const sessionId = await startSession('04D2B3C4D5E6FA');
      await stopAndAwaitCdr(sessionId, 'Local');
      expect(notificationsOf(sessionId)).toEqual(['Start', 'Progress', 'End']);
    });
  });

  describe('status of every EVSE', () => {
    it('is pushed as a full load every OICP_STATUS_PUSH_SECONDS, besides the real-time pushes', async () => {
      const before = recorder
        .bodiesOf('PushEvseStatus')
        .filter((body) => body.ActionType === 'fullLoad').length;
      const fullLoads = await eventually(
        async () => recorder.bodiesOf('PushEvseStatus').filter((body) => body.ActionType === 'fullLoad'),
        (bodies) => bodies.length >= before + 2,
        30_000,
      );
      expect(statusOf(fullLoads[fullLoads.length - 1], EVSE_ID)).toBe('Available');
      // Hubject holds what the full load said.
      expect((await hubject.evseStatuses()).get(EVSE_ID)).toBe('Available');
    });
  });

  describe('dynamic pricing', () => {
    it('is off until the tenant switches it on; then our tariffs become products and each EVSE names its own', async () => {
      expect(recorder.bodiesOf('PushPricingProductData')).toEqual([]);
      const { setOicpSettings } = await tenant.admin.data<{ setOicpSettings: { dynamicPricing: boolean } }>(
        SET_SETTINGS,
        { input: settingsInput({ dynamicPricing: true }) },
      );
      expect(setOicpSettings.dynamicPricing).toBe(true);
      const [products] = await eventually(
        async () => recorder.bodiesOf('PushPricingProductData'),
        (bodies) => bodies.length > 0,
      );
      expect(products).toMatchObject({
        ActionType: 'fullLoad',
        PricingProductData: {
          OperatorID: 'DE*VGC',
          ProviderID: '*',
          PricingDefaultPriceCurrency: 'EUR',
          PricingProductDataRecords: [
            {
              ProductID: tariffId,
              ReferenceUnit: 'KILOWATT_HOUR',
              ProductPriceCurrency: 'EUR',
              PricePerReferenceUnit: 0.4,
              AdditionalReferences: [
                { AdditionalReference: 'START FEE', PricePerAdditionalReferenceUnit: 1 },
              ].map((fee) => expect.objectContaining(fee)),
            },
          ],
        },
      });
      const evsePricing = await eventually(
        async () => recorder.bodiesOf('PushEVSEPricing'),
        (bodies) => bodies.some((body) => productsOf(body, EVSE_ID)?.includes(tariffId)),
      );
      expect(evsePricing[0]).toMatchObject({ ActionType: 'update' });
      // Both answered after the recorder checked them against the OpenAPI file.
      const answers = (await log()).filter((entry) => /Pricing/.test(entry.module));
      expect(answers.length).toBeGreaterThanOrEqual(2);
      expect(answers.every((entry) => entry.statusMessage === 'true 000 Success')).toBe(true);
    });

    it('re-pushes the products when a tariff changes', async () => {
      await tenant.admin.data('mutation($input: UpdateTariffInput!) { updateTariff(input: $input) { id } }', {
        input: {
          id: tariffId,
          elements: [{ priceComponents: [{ type: 'ENERGY', price: 0.45, vat: 20, stepSize: 1 }] }],
        },
      });
      await eventually(
        async () => recorder.bodiesOf('PushPricingProductData').map(priceOfFirstProduct),
        (prices) => prices.includes(0.45),
      );
    });
  });

  describe('EVSE data', () => {
    async function recordOf(predicate: (record: Record<string, unknown>) => boolean) {
      const pushes = await eventually(
        async () => recorder.bodiesOf('PushEvseData').flatMap(recordsOf),
        (records) => records.some(predicate),
      );
      return pushes.filter(predicate).pop()!;
    }

    it('has its ChargingPool from the station’s site area, and is re-pushed when the station moves to another', async () => {
      const first = await recordOf((record) => record.EvseID === EVSE_ID);
      expect(first.ChargingPoolID).toBe(poolOf(tenant.siteAreaId));
      const garage = await createSiteArea(tenant.admin, tenant.siteId, 'Garage');
      await tenant.admin.data(
        'mutation($station: ID!, $area: ID) { assignChargingStationToSiteArea(chargingStationId: $station, siteAreaId: $area) { id } }',
        { station: STATION, area: garage },
      );
      await recordOf((record) => record.EvseID === EVSE_ID && record.ChargingPoolID === poolOf(garage));
    });

    it('is re-pushed when the site changes', async () => {
      await tenant.admin.data('mutation($input: UpdateSiteInput!) { updateSite(input: $input) { id } }', {
        input: { id: tenant.siteId, name: 'Marktplatz Nord' },
      });
      await recordOf(
        (record) =>
          record.EvseID === EVSE_ID &&
          (record.ChargingStationNames as { value: string }[])[0]?.value === 'Marktplatz Nord',
      );
    });

    it('is re-pushed with its products when another tariff applies at the station', async () => {
      const pushesBefore = recorder.bodiesOf('PushEvseData').length;
      const { createTariff } = await tenant.admin.data<{ createTariff: { id: string } }>(
        'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
        { input: { ...TARIFF, name: 'Station tariff' } },
      );
      await tenant.admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
        input: { tariffId: createTariff.id, level: 'CHARGING_STATION', entityId: STATION },
      });
      await eventually(
        async () => recorder.bodiesOf('PushEVSEPricing'),
        (bodies) => bodies.some((body) => productsOf(body, EVSE_ID)?.includes(createTariff.id)),
      );
      expect(recorder.bodiesOf('PushEvseData').length).toBeGreaterThan(pushesBefore);
      // The new tariff is a product too.
      await eventually(
        async () => recorder.bodiesOf('PushPricingProductData'),
        (bodies) =>
          bodies.some((body) =>
            (
              body.PricingProductData as { PricingProductDataRecords: { ProductID: string }[] }
            ).PricingProductDataRecords.some((record) => record.ProductID === createTariff.id),
          ),
      );
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

    describe('through a reverse proxy that ends TLS', () => {
      const hubjectPki = new TestPki();
      const otherPki = new TestPki();
      const remoteStart = {
        SessionID: 'c3d4e5f6-0000-4000-8000-00000000abcd',
        ProviderID: 'DE-DCB',
        EvseID: 'DE*VGC*ENOPE*1',
        Identification: { RemoteIdentification: { EvcoID: 'DE-DCB-C12345678-X' } },
      };

      /** A remote start as the proxy forwards it, from `localAddress`, with the certificate it verified. */
      function forwarded(certificate: Buffer | string | undefined, localAddress = '127.0.0.1') {
        return postOicp(
          `${tenant.app.httpUrl}/oicp/default/charging/v21/providers/DE-DCB/authorize-remote/start`,
          remoteStart,
          {
            localAddress,
            headers: certificate ? { 'x-ssl-client-cert': encodeURIComponent(certificate.toString()) } : {},
          },
        );
      }

      beforeAll(async () => {
        await tenant.admin.data(SET_SETTINGS, {
          input: settingsInput({ dynamicPricing: true, caCertificatePem: hubjectPki.ca.cert.toString() }),
        });
      });
      afterAll(() => {
        hubjectPki.remove();
        otherPki.remove();
      });

      it('takes the certificate the proxy verified, issued by the Hubject CA', async () => {
        // Past authentication: the answer is about the (unknown) EVSE.
        expect(await forwarded(hubjectPki.client('hubject').cert)).toMatchObject({
          status: 200,
          body: { Result: false, StatusCode: { Code: '603' } },
        });
      });

      it('refuses another CA’s, an expired one, none, and any header from an address that is no proxy', async () => {
        for (const certificate of [
          otherPki.client('hubject').cert,
          hubjectPki.expiredClient('hubject').cert,
          'not a certificate',
          undefined,
        ]) {
          expect(await forwarded(certificate)).toMatchObject({
            status: 403,
            body: { Result: false, StatusCode: { Code: '017' } },
          });
        }
        // The app listens on 127.0.0.1; 127.0.0.2 reaches it over loopback, but is not the proxy.
        expect(await forwarded(hubjectPki.client('hubject').cert, '127.0.0.2')).toMatchObject({
          status: 403,
          body: { StatusCode: { Code: '017' } },
        });
      });
    });
  });
});

/** The status a PushEvseStatus body gives the EVSE. */
function statusOf(body: Record<string, unknown>, evseId: string): string | undefined {
  const records = (body.OperatorEvseStatus as { EvseStatusRecord: { EvseID: string; EvseStatus: string }[] })
    .EvseStatusRecord;
  return records.find((record) => record.EvseID === evseId)?.EvseStatus;
}

/** The products a PushEVSEPricing body names for the EVSE. */
function productsOf(body: Record<string, unknown>, evseId: string): string[] | undefined {
  return (body.EVSEPricing as { EvseID: string; EvseIDProductList: string[] }[]).find(
    (record) => record.EvseID === evseId,
  )?.EvseIDProductList;
}

function priceOfFirstProduct(body: Record<string, unknown>): number | undefined {
  return (body.PricingProductData as { PricingProductDataRecords: { PricePerReferenceUnit: number }[] })
    .PricingProductDataRecords[0]?.PricePerReferenceUnit;
}

function recordsOf(body: Record<string, unknown>): Record<string, unknown>[] {
  return (body.OperatorEvseData as { EvseDataRecord: Record<string, unknown>[] }).EvseDataRecord;
}

/** Our ChargingPoolID of a site area: the operator, `P`, the area id's letters and digits. */
function poolOf(siteAreaId: string): string {
  return `DE*VGC*P${siteAreaId.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
}
