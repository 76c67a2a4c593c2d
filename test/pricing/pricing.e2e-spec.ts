import { RPCClient } from 'ocpp-rpc';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
} from '../organizations/support/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { WALLBOX_CAPABILITIES } from '../support/template-capabilities';
import { PythonStation } from '../support/python-station';
import { graphqlWsClient, subscribe, Subscription } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin, eventually } from '../support/users';

const PRICE_FIELDS = 'exclVat inclVat currency dimensions { type quantity price { exclVat inclVat } }';

/** A time-of-day energy price (day 07:00–22:00 on the site's clock), a per-minute parking fee and a flat fee. */
const SITE_TARIFF = {
  name: 'Day and night, parking fee',
  currency: 'EUR',
  elements: [
    {
      priceComponents: [{ type: 'ENERGY', price: 0.4, vat: 20, stepSize: 1 }],
      restrictions: { startTime: '07:00', endTime: '22:00' },
    },
    {
      priceComponents: [
        { type: 'ENERGY', price: 0.25, vat: 20, stepSize: 1 },
        { type: 'FLAT', price: 1, vat: 20, stepSize: 1 },
      ],
    },
    { priceComponents: [{ type: 'PARKING_TIME', price: 6, vat: 20, stepSize: 60 }] },
  ],
};

const MEMBERS_TARIFF = {
  name: 'Members',
  currency: 'EUR',
  tariffAltText: [{ language: 'en', text: 'Members pay 0.24 EUR/kWh' }],
  elements: [{ priceComponents: [{ type: 'ENERGY', price: 0.2, vat: 20, stepSize: 1 }] }],
};

interface PriceView {
  exclVat: number;
  inclVat: number;
  currency: string;
  dimensions: { type: string; quantity: number; price: { exclVat: number; inclVat: number } }[];
}

const register = (wh: number) => [
  { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
];

describe('pricing: tariffs at every level, live session cost, the price on the station', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let driver: TestUser;
  let member: TestUser;
  let siteTariffId: string;
  let membersTariffId: string;
  let siteId: string;
  let areaId: string;
  let peer: PythonStation | undefined;

  const transactionOf = async (
    chargingStationId: string,
  ): Promise<{ id: string; ocppTransactionId: string }> => {
    const { transactions } = await admin.data<{
      transactions: { edges: { node: { id: string; ocppTransactionId: string } }[] };
    }>(
      'query($id: ID) { transactions(filter: { chargingStationId: $id }) { edges { node { id ocppTransactionId } } } }',
      {
        id: chargingStationId,
      },
    );
    return transactions.edges[0].node;
  };

  const curve = (
    client: GraphQLClient,
    transactionId: string,
  ): Subscription<{ consumptionAdded: { cumulatedAmount: number } }> =>
    subscribe(
      graphqlWsClient(server.wsUrl, client.bearer),
      'subscription($id: ID!) { consumptionAdded(transactionId: $id) { cumulatedAmount amount } }',
      {
        id: transactionId,
      },
    );

  beforeAll(async () => {
    server = await startTestApp('pricing');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    driver = await createUserAndLogin(superAdmin, 'BASIC');
    member = await createUserAndLogin(superAdmin, 'BASIC');
    await createTag(admin, { id: 'TAG-DRIVER', userId: driver.id });
    await createTag(admin, { id: 'TAG-MEMBER', userId: member.id });
    const companyId = await createCompany(admin, 'Pricing Co');
    siteId = await createSite(admin, companyId, 'Paris', { timeZone: 'Europe/Paris' });
    areaId = await createSiteArea(admin, siteId, 'Car park');
    await createStationIn(admin, 'CS-PRICE-16', areaId);
    await createStationIn(admin, 'CS-PRICE-201', areaId);

    ({
      createTariff: { id: siteTariffId },
    } = await admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      { input: SITE_TARIFF },
    ));
    ({
      createTariff: { id: membersTariffId },
    } = await admin.data<{ createTariff: { id: string } }>(
      'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
      { input: MEMBERS_TARIFF },
    ));
    const { createUserGroup } = await admin.data<{ createUserGroup: { id: string } }>(
      'mutation($input: CreateUserGroupInput!) { createUserGroup(input: $input) { id } }',
      { input: { name: 'Members', userIds: [member.id] } },
    );
    const assign = (input: object) =>
      admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id level } }', {
        input,
      });
    await assign({ tariffId: siteTariffId, level: 'SITE', entityId: siteId });
    await assign({
      tariffId: membersTariffId,
      level: 'SITE',
      entityId: siteId,
      userGroupId: createUserGroup.id,
    });
  });

  afterAll(async () => {
    peer?.kill();
    await server.close();
  });

  it('resolves the site tariff for a driver and the group tariff for a member, and says why', async () => {
    const resolve = (tagId: string) =>
      admin.data<{
        tariffResolution: {
          tariff: { name: string } | null;
          assignment: { level: string; userGroupId: string | null };
          reason: string;
          timeZone: string;
        };
      }>(
        'query($tag: ID) { tariffResolution(chargingStationId: "CS-PRICE-16", connectorId: 1, tagId: $tag) { tariff { name } assignment { level userGroupId } reason timeZone } }',
        { tag: tagId },
      );
    const forDriver = (await resolve('TAG-DRIVER')).tariffResolution;
    expect(forDriver).toMatchObject({
      tariff: { name: 'Day and night, parking fee' },
      assignment: { level: 'SITE', userGroupId: null },
      timeZone: 'Europe/Paris',
    });
    expect(forDriver.reason).toContain('the driver is not in its user group');
    const forMember = (await resolve('TAG-MEMBER')).tariffResolution;
    expect(forMember.tariff?.name).toBe('Members');
    expect(forMember.reason).toContain('user group');
  });

  it('lets basic users read the tariff that applies to them, and nothing else', async () => {
    const own = await driver.client.data<{ tariffResolution: { tariff: { name: string } } }>(
      '{ tariffResolution(chargingStationId: "CS-PRICE-16", connectorId: 1, tagId: "TAG-DRIVER") { tariff { name } } }',
    );
    expect(own.tariffResolution.tariff.name).toBe('Day and night, parking fee');
    expect(
      await driver.client.errorCode(
        '{ tariffResolution(chargingStationId: "CS-PRICE-16", connectorId: 1, tagId: "TAG-MEMBER") { reason } }',
      ),
    ).toBe('NOT_FOUND');
    expect(await driver.client.errorCode('{ tariffs { totalCount } }')).toBe('FORBIDDEN');
    expect(
      await driver.client.errorCode(
        'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
        { input: MEMBERS_TARIFF },
      ),
    ).toBe('FORBIDDEN');
    const { tariffs } = await admin.data<{ tariffs: { totalCount: number } }>('{ tariffs { totalCount } }');
    expect(tariffs.totalCount).toBe(2);
  });

  it('refuses bad tariffs, bad OCPI JSON and assignments to nothing with BAD_USER_INPUT', async () => {
    const create = (input: object) =>
      admin.errorCode('mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }', {
        input,
      });
    expect(await create({ ...MEMBERS_TARIFF, currency: 'EURO' })).toBe('BAD_USER_INPUT');
    expect(await create({ ...MEMBERS_TARIFF, currency: 'XYZ' })).toBe('BAD_USER_INPUT');
    expect(
      await create({
        ...MEMBERS_TARIFF,
        elements: [
          {
            priceComponents: [{ type: 'ENERGY', price: 0.2, stepSize: 1 }],
            restrictions: { startTime: '25:00' },
          },
        ],
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await create({ ...MEMBERS_TARIFF, elements: [] })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode('mutation { importOcpiTariff(json: "{") { id } }')).toBe('BAD_USER_INPUT');
    expect(
      await admin.errorCode('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
        input: { tariffId: siteTariffId, level: 'SITE', entityId: 'no-such-site' },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode('mutation($id: ID!) { deleteTariff(id: $id) }', { id: siteTariffId })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('exports a tariff as OCPI 2.2.1 JSON and imports it back unchanged', async () => {
    const { tariff } = await admin.data<{ tariff: { ocpiJson: string } }>(
      'query($id: ID!) { tariff(id: $id) { ocpiJson } }',
      { id: siteTariffId },
    );
    const ocpi = JSON.parse(tariff.ocpiJson) as Record<string, unknown>;
    expect(ocpi).toMatchObject({
      id: siteTariffId,
      currency: 'EUR',
      elements: [
        {
          price_components: [{ type: 'ENERGY', price: 0.4, vat: 20, step_size: 1 }],
          restrictions: { start_time: '07:00', end_time: '22:00' },
        },
        {
          price_components: [
            { type: 'ENERGY', price: 0.25, vat: 20, step_size: 1 },
            { type: 'FLAT', price: 1, vat: 20, step_size: 1 },
          ],
        },
        { price_components: [{ type: 'PARKING_TIME', price: 6, vat: 20, step_size: 60 }] },
      ],
    });
    const { importOcpiTariff } = await admin.data<{ importOcpiTariff: { id: string; ocpiJson: string } }>(
      'mutation($json: String!) { importOcpiTariff(json: $json, name: "Imported") { id ocpiJson } }',
      { json: tariff.ocpiJson },
    );
    const reimported = JSON.parse(importOcpiTariff.ocpiJson) as Record<string, unknown>;
    expect(reimported.elements).toEqual(ocpi.elements);
    await admin.data('mutation($id: ID!) { deleteTariff(id: $id) }', { id: importOcpiTariff.id });
  });

  it('estimates a session before it starts, by dimension', async () => {
    const { priceEstimate } = await driver.client.data<{
      priceEstimate: { price: PriceView; reason: string };
    }>(
      '{ priceEstimate(chargingStationId: "CS-PRICE-16", connectorId: 1, tagId: "TAG-DRIVER", energyKWh: 10, startAt: "2026-06-10T08:00:00Z", durationMinutes: 60) { price { exclVat inclVat currency dimensions { type quantity } } reason } }',
    );
    // 10:00 in Paris: day energy (4.00) and the flat fee (1.00); no connector power known, so no parking.
    expect(priceEstimate.price).toMatchObject({ exclVat: 5, inclVat: 6, currency: 'EUR' });
    expect(priceEstimate.reason).toContain('evenly');
  });

  it('prices a 1.6-J session live and at the end from its frozen tariff, unmoved by an edit of the tariff mid-session', async () => {
    const station: RPCClient = await connectStation(server.wsUrl, 'CS-PRICE-16');
    try {
      await station.call('BootNotification', {
        chargePointVendor: 'Voltgrid',
        chargePointModel: 'Pricing16',
      });
      const start = (await station.call('StartTransaction', {
        connectorId: 1,
        idTag: 'TAG-DRIVER',
        meterStart: 0,
        timestamp: '2026-06-10T19:30:00Z', // 21:30 in Paris: day price
      })) as { transactionId: number };
      const { id } = await transactionOf('CS-PRICE-16');
      const live = curve(driver.client, id);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the subscription is registered
      const meter = (timestamp: string, wh: number) =>
        station.call('MeterValues', {
          connectorId: 1,
          transactionId: start.transactionId,
          meterValue: [{ timestamp, sampledValue: register(wh) }],
        });

      await meter('2026-06-10T20:00:00Z', 3000); // 3 kWh by day (1.20) + flat (1.00), incl. 20 % VAT
      expect((await live.next()).consumptionAdded).toEqual({ cumulatedAmount: 2.64, amount: 2.64 });
      await meter('2026-06-10T20:30:00Z', 6000); // 3 kWh by night (0.75)
      expect((await live.next()).consumptionAdded).toEqual({ cumulatedAmount: 3.54, amount: 0.9 });

      // The operator raises the day price: running sessions keep the tariff they started with.
      const day = SITE_TARIFF.elements[0];
      await admin.data('mutation($input: UpdateTariffInput!) { updateTariff(input: $input) { id } }', {
        input: {
          id: siteTariffId,
          elements: [
            { ...day, priceComponents: [{ ...day.priceComponents[0], price: 0.9 }] },
            ...SITE_TARIFF.elements.slice(1),
          ],
        },
      });

      await meter('2026-06-10T21:00:00Z', 6000); // 30 min parked after charging: 3.00
      expect((await live.next()).consumptionAdded.cumulatedAmount).toBe(7.14);
      await station.call('StopTransaction', {
        transactionId: start.transactionId,
        meterStop: 6000,
        timestamp: '2026-06-10T21:10:00Z', // 10 more minutes parked: 1.00
        idTag: 'TAG-DRIVER',
      });
      expect((await live.next()).consumptionAdded.cumulatedAmount).toBe(8.34);
      await live.close();

      const { transaction } = await driver.client.data<{
        transaction: {
          price: PriceView;
          recomputedPrice: PriceView;
          tariff: { elements: { priceComponents: { price: number }[] }[] };
        };
      }>(
        `query($id: ID!) { transaction(id: $id) { price { ${PRICE_FIELDS} } recomputedPrice { ${PRICE_FIELDS} } tariff { elements { priceComponents { price } } } } }`,
        { id },
      );
      expect(transaction.price).toMatchObject({ exclVat: 6.95, inclVat: 8.34, currency: 'EUR' });
      expect(
        Object.fromEntries(transaction.price.dimensions.map((d) => [d.type, [d.quantity, d.price.exclVat]])),
      ).toEqual({
        FLAT: [1, 1],
        ENERGY: [6, 1.95],
        PARKING_TIME: [expect.closeTo(40 / 60, 6), 4],
      });
      expect(transaction.recomputedPrice).toEqual(transaction.price);
      expect(transaction.tariff.elements[0].priceComponents[0].price).toBe(0.4);
    } finally {
      await station.close({ force: true });
    }
  });

  it('shows a 2.0.1 station the tariff in its driver’s language', async () => {
    const { createUser } = await admin.data<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: `fahrer-${Date.now()}@example.com`,
          password: 'Str0ng!Passw0rd',
          role: 'BASIC',
          locale: 'de',
        },
      },
    );
    await createTag(admin, { id: 'TAG-DE', userId: createUser.id });
    await createStationIn(admin, 'CS-PRICE-201-DE', areaId);
    const station = PythonStation.spawn('ocpp201_pricing_station.py', [
      `${server.wsUrl}/ocpp/default`,
      'CS-PRICE-201-DE',
      'TAG-DE',
      '2026-06-10T19:30:00Z',
    ]);
    try {
      const text =
        'Day and night, parking fee: 0,3 EUR/kWh + 1,2 EUR pro Ladevorgang + 7,2 EUR/h Parken (Preise je nach Uhrzeit und Nutzung)';
      expect(await station.until('started')).toMatchObject({
        authorizeMessage: text,
        personalMessage: text,
        personalMessageLanguage: 'de',
      });
      station.send('end 1 0');
      await station.until('ended');
    } finally {
      station.kill();
    }
  });

  it('prices a member’s 2.0.1 session with the member tariff; the station hears its cost', async () => {
    peer = PythonStation.spawn('ocpp201_pricing_station.py', [
      `${server.wsUrl}/ocpp/default`,
      'CS-PRICE-201',
      'TAG-MEMBER',
      '2026-06-10T19:30:00Z',
    ]);
    const started = await peer.next();
    expect(started).toMatchObject({
      event: 'started',
      authorizeMessage: 'Members pay 0.24 EUR/kWh',
      personalMessage: 'Members pay 0.24 EUR/kWh',
    });
    const { id } = await transactionOf('CS-PRICE-201');
    const live = curve(member.client, id);
    await new Promise((resolve) => setTimeout(resolve, 200));

    peer.send('meter 30 3000');
    const events = [await peer.next(), await peer.next()];
    expect(events).toEqual(
      expect.arrayContaining([
        { event: 'metered', totalCost: 0.72 },
        { event: 'costUpdated', transactionId: started.transactionId, totalCost: 0.72 },
      ]),
    );
    expect((await live.next()).consumptionAdded.cumulatedAmount).toBe(0.72);
    peer.send('meter 60 6000');
    expect(await peer.next()).toEqual({ event: 'metered', totalCost: 1.44 });
    peer.send('end 70 6000');
    expect(await peer.next()).toEqual({ event: 'ended', totalCost: 1.44 });
    await live.close();

    const { transaction } = await eventually(
      () =>
        member.client.data<{
          transaction: { active: boolean; price: PriceView; recomputedPrice: PriceView };
        }>(
          `query($id: ID!) { transaction(id: $id) { active price { ${PRICE_FIELDS} } recomputedPrice { ${PRICE_FIELDS} } } }`,
          { id },
        ),
      (result) => !result.transaction.active,
    );
    expect(transaction.price).toMatchObject({ exclVat: 1.2, inclVat: 1.44, currency: 'EUR' });
    expect(transaction.recomputedPrice).toEqual(transaction.price);
  });

  it('tells a 1.6 station with California Pricing the price, the running cost and the final cost', async () => {
    const superAdmin = await loginAsAdmin(server.httpUrl);
    await superAdmin.data(
      'mutation($input: StationTemplateInput!) { createStationTemplate(input: $input) { id } }',
      {
        input: {
          name: 'Kiosk showing prices',
          vendorPattern: '^Kiosk-Vendor$',
          ocppVersions: ['1.6'],
          technical: {
            maximumPowerWatts: 22000,
            connectors: [{ connectorId: 1, type: 'Type2', powerWatts: 22000, currentType: 'AC' }],
          },
          capabilities: { ...WALLBOX_CAPABILITIES, californiaPricing: true },
          parameterBlocks: [],
        },
      },
    );
    await createStationIn(admin, 'CS-PRICE-CA', areaId);
    const station: RPCClient = await connectStation(server.wsUrl, 'CS-PRICE-CA');
    const costMessages: { messageId: string; data: Record<string, unknown> }[] = [];
    station.handle('DataTransfer', async ({ params }) => {
      const { vendorId, messageId, data } = params as { vendorId: string; messageId: string; data: string };
      expect(vendorId).toBe('org.openchargealliance.costmsg');
      costMessages.push({ messageId, data: JSON.parse(data) });
      return { status: 'Accepted' };
    });
    station.handle('GetConfiguration', async () => ({ configurationKey: [] }));
    const sent = (count: number) =>
      eventually(
        async () => costMessages,
        (messages) => messages.length >= count,
      );
    try {
      await station.call('BootNotification', { chargePointVendor: 'Kiosk-Vendor', chargePointModel: 'K1' });
      await eventually(
        () =>
          admin.data<{ chargingStation: { capabilities: { californiaPricing: boolean } | null } }>(
            '{ chargingStation(id: "CS-PRICE-CA") { capabilities { californiaPricing } } }',
          ),
        (result) => result.chargingStation.capabilities?.californiaPricing === true,
      );
      // 23:00 in Paris: the night price (0.25/kWh) and the flat fee (1.00), 20 % VAT.
      const { transactionId } = (await station.call('StartTransaction', {
        connectorId: 1,
        idTag: 'TAG-DRIVER',
        meterStart: 0,
        timestamp: '2026-06-10T21:00:00Z',
      })) as { transactionId: number };
      expect((await sent(1))[0]).toMatchObject({
        messageId: 'SetUserPrice',
        data: { idToken: 'TAG-DRIVER', priceText: expect.stringMatching(/\S/) },
      });

      await station.call('MeterValues', {
        connectorId: 1,
        transactionId,
        meterValue: [{ timestamp: '2026-06-10T21:30:00Z', sampledValue: register(2000) }],
      });
      expect((await sent(2))[1]).toEqual({
        messageId: 'RunningCost',
        data: expect.objectContaining({ transactionId, meterValue: 2000, cost: 1.8, state: 'Charging' }),
      });

      await station.call('StopTransaction', {
        transactionId,
        meterStop: 2000,
        timestamp: '2026-06-10T21:30:00Z',
        idTag: 'TAG-DRIVER',
      });
      expect((await sent(3))[2]).toEqual({
        messageId: 'FinalCost',
        data: expect.objectContaining({ transactionId, cost: 1.8 }),
      });
    } finally {
      await station.close({ force: true });
    }
  });
});
