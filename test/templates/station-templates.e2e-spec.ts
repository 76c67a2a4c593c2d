import { asTenantId } from '@csms/common';
import { TemplateApplicationLeaseRepository } from '../../libs/templates/src/application/template-application-lease.repository';
import { BuiltInTemplatesSeeder } from '../../libs/templates/src/seeds/built-in-templates.seeder';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserAndLogin, eventually } from '../support/users';
import { ConfigurableStation } from './configurable-station';
import { WALLBOX_CAPABILITIES } from '../support/template-capabilities';

const TEMPLATE_FIELDS = 'id name builtIn vendorPattern modelPattern ocppVersions';
const CREATE = `mutation($input: StationTemplateInput!) { createStationTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: StationTemplateInput!) { updateStationTemplate(id: $id, input: $input) { ${TEMPLATE_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteStationTemplate(id: $id) }';
const LIST = `{ stationTemplates(first: 100) { totalCount edges { node { ${TEMPLATE_FIELDS} } } } }`;

const STATION_FIELDS = `
  id templateId templateAppliedAt templateResetSent manualConfiguration maximumPowerWatts voltage
  capabilities { chargingProfiles staticLimitation }
  chargePoints { chargePointId connectorIds }
  templateParameters { key value previousValue status }
  connectors { connectorId status type maxPowerWatts amperage numberOfPhases currentType chargePointId }`;

interface StationView {
  id: string;
  templateId: string | null;
  templateAppliedAt: string | null;
  templateResetSent: boolean | null;
  manualConfiguration: boolean;
  maximumPowerWatts: number | null;
  voltage: number | null;
  capabilities: { chargingProfiles: boolean; staticLimitation: boolean } | null;
  chargePoints: { chargePointId: number; connectorIds: number[] }[] | null;
  templateParameters: { key: string; value: string; previousValue: string | null; status: string }[] | null;
  connectors: {
    connectorId: number;
    status: string;
    type: string | null;
    maxPowerWatts: number | null;
    amperage: number | null;
    numberOfPhases: number | null;
    currentType: string | null;
    chargePointId: number | null;
  }[];
}

/** A template for our test vendor; `overrides` replace top-level fields. */
function templateInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'E2E vendor, any model',
    vendorPattern: '^E2E-Vendor$',
    ocppVersions: ['1.6'],
    technical: {
      maximumPowerWatts: 3680,
      connectors: [{ connectorId: 1, type: 'Domestic', powerWatts: 3680, currentType: 'AC' }],
    },
    capabilities: WALLBOX_CAPABILITIES,
    parameterBlocks: [{ ocppVersions: ['1.6'], parameters: [{ key: 'HeartbeatInterval', value: '999' }] }],
    ...overrides,
  };
}

/** The most specific template for WB-22 models: two Type 2 sockets and the keys under test. */
const WALLBOX_TEMPLATE = templateInput({
  name: 'E2E wallbox 2 × 22 kW',
  modelPattern: '^WB-22',
  technical: {
    maximumPowerWatts: 44000,
    voltage: 230,
    chargePoints: [{ chargePointId: 1, connectorIds: [1, 2], sharePowerToAllConnectors: true }],
    connectors: [1, 2].map((connectorId) => ({
      connectorId,
      type: 'Type2',
      powerWatts: 22000,
      amperage: 32,
      numberOfPhases: 3,
      currentType: 'AC',
      chargePointId: 1,
    })),
  },
  parameterBlocks: [
    {
      ocppVersions: ['1.6'],
      parameters: [
        { key: 'HeartbeatInterval', value: '300' },
        { key: 'MeterValueSampleInterval', value: '60' },
        { key: 'ConnectionTimeOut', value: '90' },
        { key: 'MeterValuesSampledData', value: 'Energy.Active.Import.Register,Power.Active.Import' },
        { key: 'VendorBoost', value: 'on' },
      ],
    },
    {
      firmwareVersionPattern: '^9\\.',
      ocppVersions: ['1.6'],
      parameters: [{ key: 'ClockAlignedDataInterval', value: '900' }],
    },
    { ocppVersions: ['2.0.1'], parameters: [{ key: 'OCPPCommCtrlr.HeartbeatInterval', value: '300' }] },
  ],
});

/** What the test stations report: some keys already right, some not, one vendor key they do not know. */
const STATION_KEYS = {
  HeartbeatInterval: '300',
  MeterValueSampleInterval: '30',
  ConnectionTimeOut: '60',
  MeterValuesSampledData: 'Power.Active.Import, Energy.Active.Import.Register',
  ClockAlignedDataInterval: '0',
};

describe('station templates', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;
  let admin: GraphQLClient;
  const stations: ConfigurableStation[] = [];

  const station = async (id: string, client = admin): Promise<StationView | null> =>
    (
      await client.data<{ chargingStation: StationView | null }>(
        `query($id: ID!) { chargingStation(id: $id) { ${STATION_FIELDS} } }`,
        { id },
      )
    ).chargingStation;

  /** The same station as stored (the list is read from the database, not the connected-station cache). */
  const storedStation = async (id: string): Promise<StationView | undefined> =>
    (
      await admin.data<{ chargingStations: { edges: { node: StationView }[] } }>(
        `{ chargingStations(first: 100) { edges { node { ${STATION_FIELDS} } } } }`,
      )
    ).chargingStations.edges.find((edge) => edge.node.id === id)?.node;

  beforeAll(async () => {
    server = await startTestApp('station_templates');
    superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
  });

  afterAll(async () => {
    stations.forEach((peer) => peer.stop());
    await server.close();
  });

  it('ships built-in templates, seeded when absent and never over an edit', async () => {
    const { stationTemplates } = await superAdmin.data<{
      stationTemplates: { edges: { node: { id: string; name: string; builtIn: boolean } }[] };
    }>(LIST);
    const builtIns = stationTemplates.edges.map((edge) => edge.node).filter((node) => node.builtIn);
    expect(builtIns.map((node) => node.id).sort()).toEqual([
      'builtin-ac-22kw-dual',
      'builtin-dc-50kw-ccs-chademo',
      'builtin-ocpp201-ac-11kw',
    ]);

    await superAdmin.data(UPDATE, {
      id: 'builtin-dc-50kw-ccs-chademo',
      input: templateInput({ name: 'Our DC charger', vendorPattern: '^Generic$', modelPattern: '^DC50-' }),
    });
    await server.app.get(BuiltInTemplatesSeeder).onApplicationBootstrap();
    const { stationTemplate } = await superAdmin.data<{
      stationTemplate: { name: string; builtIn: boolean };
    }>('{ stationTemplate(id: "builtin-dc-50kw-ccs-chademo") { name builtIn } }');
    expect(stationTemplate).toEqual({ name: 'Our DC charger', builtIn: true });
  });

  it('refuses invalid regular expressions and inconsistent templates with BAD_USER_INPUT', async () => {
    expect(await superAdmin.errorCode(CREATE, { input: templateInput({ modelPattern: 'WB-(22' }) })).toBe(
      'BAD_USER_INPUT',
    );
    const badBlockPattern = templateInput({
      parameterBlocks: [{ firmwareVersionPattern: '[1-', ocppVersions: ['1.6'], parameters: [] }],
    });
    expect(await superAdmin.errorCode(CREATE, { input: badBlockPattern })).toBe('BAD_USER_INPUT');
    const v16KeyFor201 = templateInput({
      parameterBlocks: [{ ocppVersions: ['2.0.1'], parameters: [{ key: 'HeartbeatInterval', value: '60' }] }],
    });
    expect(await superAdmin.errorCode(CREATE, { input: v16KeyFor201 })).toBe('BAD_USER_INPUT');
    expect(await superAdmin.errorCode(CREATE, { input: templateInput({ ocppVersions: ['1.7'] }) })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lets tenant admins read templates but not create, change or delete them', async () => {
    const { stationTemplates } = await admin.data<{ stationTemplates: { totalCount: number } }>(LIST);
    expect(stationTemplates.totalCount).toBeGreaterThanOrEqual(3);
    expect(await admin.errorCode(CREATE, { input: templateInput() })).toBe('FORBIDDEN');
    expect(await admin.errorCode(UPDATE, { id: 'builtin-ac-22kw-dual', input: templateInput() })).toBe(
      'FORBIDDEN',
    );
    expect(await admin.errorCode(DELETE, { id: 'builtin-ac-22kw-dual' })).toBe('FORBIDDEN');
    const basic = (await createUserAndLogin(admin, 'BASIC')).client;
    expect(await basic.errorCode(LIST)).toBe('FORBIDDEN');

    const { createStationTemplate } = await superAdmin.data<{ createStationTemplate: { id: string } }>(
      CREATE,
      {
        input: templateInput({ name: 'short-lived', vendorPattern: '^Nobody$' }),
      },
    );
    expect(await superAdmin.data(DELETE, { id: createStationTemplate.id })).toEqual({
      deleteStationTemplate: true,
    });
    expect(await superAdmin.errorCode(DELETE, { id: createStationTemplate.id })).toBe('NOT_FOUND');
  });

  it('applies the most specific template at boot: hardware copied, only differing keys changed, one reset', async () => {
    await superAdmin.data(CREATE, { input: templateInput() });
    const { createStationTemplate: wallbox } = await superAdmin.data<{
      createStationTemplate: { id: string };
    }>(CREATE, { input: WALLBOX_TEMPLATE });

    const peer = ConfigurableStation.start(server.wsUrl, 'CS-TPL-1', {
      vendor: 'E2E-Vendor',
      model: 'WB-22-Dual',
      firmware: '1.2.3',
      connectors: 2,
      keys: STATION_KEYS,
      answers: { ConnectionTimeOut: 'RebootRequired' },
    });
    stations.push(peer);
    await peer.waitFor((event) => event.event === 'Reset');

    const applied = await eventually(
      () => station('CS-TPL-1'),
      (view) => Boolean(view?.templateAppliedAt),
    );
    expect(peer.calls).toEqual([
      {
        event: 'GetConfiguration',
        keys: [
          'HeartbeatInterval',
          'MeterValueSampleInterval',
          'ConnectionTimeOut',
          'MeterValuesSampledData',
          'VendorBoost',
        ],
      },
      { event: 'ChangeConfiguration', key: 'MeterValueSampleInterval', value: '60', status: 'Accepted' },
      { event: 'ChangeConfiguration', key: 'ConnectionTimeOut', value: '90', status: 'RebootRequired' },
      { event: 'Reset', type: 'Soft' },
    ]);
    expect(applied).toMatchObject({
      templateId: wallbox.id,
      templateResetSent: true,
      manualConfiguration: false,
      maximumPowerWatts: 44000,
      voltage: 230,
      capabilities: { chargingProfiles: true, staticLimitation: false },
      chargePoints: [{ chargePointId: 1, connectorIds: [1, 2] }],
      templateParameters: [
        { key: 'HeartbeatInterval', value: '300', previousValue: '300', status: 'Unchanged' },
        { key: 'MeterValueSampleInterval', value: '60', previousValue: '30', status: 'Accepted' },
        { key: 'ConnectionTimeOut', value: '90', previousValue: '60', status: 'RebootRequired' },
        {
          key: 'MeterValuesSampledData',
          value: 'Energy.Active.Import.Register,Power.Active.Import',
          previousValue: 'Power.Active.Import, Energy.Active.Import.Register',
          status: 'Unchanged',
        },
        { key: 'VendorBoost', value: 'on', previousValue: null, status: 'NotSupported' },
      ],
    });
    const type2 = { type: 'Type2', maxPowerWatts: 22000, amperage: 32, numberOfPhases: 3, currentType: 'AC' };
    expect(applied?.connectors).toEqual([
      { connectorId: 1, status: 'Available', chargePointId: 1, ...type2 },
      { connectorId: 2, status: 'Available', chargePointId: 1, ...type2 },
    ]);

    // A status report after the application keeps the template's data, in the cache and in the database.
    peer.send('status 1 Preparing');
    await peer.waitFor((event) => event.event === 'status');
    const expected = [
      { connectorId: 1, status: 'Preparing', chargePointId: 1, ...type2 },
      { connectorId: 2, status: 'Available', chargePointId: 1, ...type2 },
    ];
    expect((await station('CS-TPL-1'))?.connectors).toEqual(expected);
    expect((await storedStation('CS-TPL-1'))?.connectors).toEqual(expected);
    expect((await storedStation('CS-TPL-1'))?.templateParameters).toEqual(applied?.templateParameters);
  });

  it('leaves a station under manual configuration alone', async () => {
    await admin.data('mutation { createChargingStation(input: { id: "CS-TPL-MANUAL" }) { id } }');
    expect(
      await superAdmin.errorCode(
        'mutation { setChargingStationManualConfiguration(chargingStationId: "CS-TPL-MANUAL", manualConfiguration: true) { id } }',
      ),
    ).toBe('FORBIDDEN');
    const { setChargingStationManualConfiguration } = await admin.data<{
      setChargingStationManualConfiguration: { manualConfiguration: boolean };
    }>(
      'mutation { setChargingStationManualConfiguration(chargingStationId: "CS-TPL-MANUAL", manualConfiguration: true) { manualConfiguration } }',
    );
    expect(setChargingStationManualConfiguration.manualConfiguration).toBe(true);

    const setup = {
      vendor: 'E2E-Vendor',
      model: 'WB-22-Dual',
      firmware: '1.2.3',
      connectors: 2,
      keys: STATION_KEYS,
    };
    const manual = ConfigurableStation.start(server.wsUrl, 'CS-TPL-MANUAL', setup);
    // A twin booting alongside: once its template is applied, the manual station's turn has passed too.
    const twin = ConfigurableStation.start(server.wsUrl, 'CS-TPL-TWIN', setup);
    stations.push(manual, twin);
    await manual.waitFor((event) => event.event === 'booted');
    await eventually(
      () => station('CS-TPL-TWIN'),
      (view) => Boolean(view?.templateAppliedAt),
      15_000,
    );
    expect(twin.calls.filter((call) => call.event === 'ChangeConfiguration')).toHaveLength(2);

    expect(manual.calls).toEqual([]);
    const untouched = await station('CS-TPL-MANUAL');
    expect(untouched).toMatchObject({ manualConfiguration: true, templateId: null, templateAppliedAt: null });
    expect(untouched?.connectors.map((connector) => connector.type)).toEqual([null, null]);
  });

  it('gives a station no instance owns (SOAP) to one applier at a time, until its lease expires', async () => {
    const leases = server.app.get(TemplateApplicationLeaseRepository);
    const tenant = asTenantId('default');
    expect(await leases.acquire(tenant, 'CS-SOAP', 'instance-a', 60_000)).toBe(true);
    expect(await leases.acquire(tenant, 'CS-SOAP', 'instance-b', 60_000)).toBe(false);
    await leases.release(tenant, 'CS-SOAP', 'instance-b');
    expect(await leases.acquire(tenant, 'CS-SOAP', 'instance-b', 60_000)).toBe(false);
    await leases.release(tenant, 'CS-SOAP', 'instance-a');
    expect(await leases.acquire(tenant, 'CS-SOAP', 'instance-b', -1)).toBe(true);
    expect(await leases.acquire(tenant, 'CS-SOAP', 'instance-a', 60_000)).toBe(true);
  });
});
