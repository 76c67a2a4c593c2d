import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionCarListener } from '@csms/cars/sessions/session-car.listener';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { connectStation } from '../support/ocpp-station';
import { TestUser, createTag, createUserAndLogin } from '../support/users';

/** The Open EV Data file the CSMS ships (MIT, see the LICENSE beside it). */
const SHIPPED = join(__dirname, '../../libs/cars/src/catalog/data/open-ev-data.json');
const AIWAYS_U5 = '72475a6a-aae2-da13-1d17-94cc07e5104f';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; brand: string; model: string; variant: string | null } }[];
}

const CAR_MODELS = `query ($search: String, $brand: String, $first: Int, $after: String) {
  carModels(search: $search, brand: $brand, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id brand model variant } }
  }
}`;
const MODEL = `query ($id: ID!) { carModel(id: $id) {
  id brand model variant releaseYear vehicleType drivetrain batteryKwh acMaxKw acPhases acPorts dcMaxKw dcPorts
  dcChargingCurve { soc powerKw } averageConsumptionKwhPer100Km source
} }`;
const CAR_FIELDS =
  'id userId vin licensePlate isDefault carModel { id model } converter { powerKw phases ampsPerPhase } acLimit { powerKw phases ampsPerPhase }';
const CREATE_CAR = `mutation ($input: CreateCarInput!) { createCar(input: $input) { ${CAR_FIELDS} } }`;
const UPDATE_CAR = `mutation ($input: UpdateCarInput!) { updateCar(input: $input) { ${CAR_FIELDS} } }`;
const CARS = `query ($userId: ID) { cars(userId: $userId) { totalCount edges { node { ${CAR_FIELDS} } } } }`;

describe('cars', () => {
  let server: TestApp;
  let superAdmin: GraphQLClient;
  let admin: TestUser;
  let driver: TestUser;
  let otherDriver: TestUser;

  const carModels = async (client: GraphQLClient, variables: Record<string, unknown>): Promise<Page> =>
    (await client.data<{ carModels: Page }>(CAR_MODELS, variables)).carModels;

  beforeAll(async () => {
    server = await startTestApp('cars');
    superAdmin = await loginAsAdmin(server.httpUrl);
    admin = await createUserAndLogin(superAdmin, 'ADMIN');
    driver = await createUserAndLogin(admin.client, 'BASIC');
    otherDriver = await createUserAndLogin(admin.client, 'BASIC');
  });

  afterAll(async () => {
    await server?.close();
  });

  describe('catalog', () => {
    it('is loaded from Open EV Data at first start, with each model’s charging characteristics', async () => {
      expect((await carModels(driver.client, {})).totalCount).toBe(293);
      const { carModel } = await driver.client.data<{ carModel: Record<string, unknown> }>(MODEL, {
        id: AIWAYS_U5,
      });
      expect(carModel).toEqual({
        id: AIWAYS_U5,
        brand: 'Aiways',
        model: 'U5',
        variant: null,
        releaseYear: 2021,
        vehicleType: 'car',
        drivetrain: 'bev',
        batteryKwh: 63,
        acMaxKw: 6.6,
        acPhases: 1,
        acPorts: ['type2'],
        dcMaxKw: 95,
        dcPorts: ['ccs'],
        dcChargingCurve: [
          { soc: 0, powerKw: 95 },
          { soc: 18, powerKw: 90 },
          { soc: 40, powerKw: 90 },
          { soc: 80, powerKw: 50 },
          { soc: 100, powerKw: 6.6 },
        ],
        averageConsumptionKwhPer100Km: 18.8,
        source: 'OPEN_EV_DATA',
      });
    });

    it('searches by words of brand, model and variant, filters by brand, and pages without gaps', async () => {
      const found = await carModels(driver.client, { search: 'tesla MODEL 3', first: 100 });
      expect(found.totalCount).toBeGreaterThan(0);
      expect(found.edges.every(({ node }) => node.brand === 'Tesla' && node.model === 'Model 3')).toBe(true);

      const { carBrands } = await driver.client.data<{ carBrands: string[] }>('{ carBrands }');
      expect(carBrands).toHaveLength(38);
      expect(carBrands).toContain('Tesla');

      const all = await carModels(driver.client, { brand: 'Tesla', first: 100 });
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const page: Page = await carModels(driver.client, { brand: 'Tesla', first: 3, after });
        expect(page.totalCount).toBe(all.totalCount);
        paged.push(...page.edges.map(({ node }) => node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(all.edges.map(({ node }) => node.id));
      expect(all.edges.every(({ node }) => node.brand === 'Tesla')).toBe(true);
    });

    it('lets super admins add and correct models; later imports update the file’s models and leave those', async () => {
      const { createCarModel } = await superAdmin.data<{ createCarModel: { id: string; source: string } }>(
        `mutation { createCarModel(input: { brand: "Voltgrid", model: "Prototype", batteryKwh: 77.5, acMaxKw: 22,
          acPhases: 3, dcMaxKw: 150, dcChargingCurve: [{ soc: 80, powerKw: 60 }, { soc: 0, powerKw: 150 }] })
          { id source } }`,
      );
      expect(createCarModel.source).toBe('MANUAL');
      const created = await superAdmin.data<{ carModel: { dcChargingCurve: unknown } }>(MODEL, {
        id: createCarModel.id,
      });
      expect(created.carModel.dcChargingCurve).toEqual([
        { soc: 0, powerKw: 150 },
        { soc: 80, powerKw: 60 },
      ]);
      expect((await carModels(driver.client, { search: 'voltgrid proto' })).totalCount).toBe(1);

      await superAdmin.data(
        `mutation { updateCarModel(input: { id: "${AIWAYS_U5}", brand: "Aiways", model: "U5", batteryKwh: 63.5, acMaxKw: 11, acPhases: 3 }) { id } }`,
      );
      // A newer file: the U5 and another model changed, one model added, one left as it was.
      const file = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { data: Record<string, unknown>[] };
      const u5 = file.data.find((vehicle) => vehicle.id === AIWAYS_U5)!;
      u5.usable_battery_size = 99;
      const [other, unchanged] = file.data.filter((vehicle) => vehicle.id !== AIWAYS_U5);
      other.usable_battery_size = 123.4;
      const added = { ...u5, id: 'new-model-2026', model: 'U7', variant: 'Long Range' };
      const { importCarModels } = await superAdmin.data<{
        importCarModels: { added: number; updated: number };
      }>('mutation ($json: String!) { importCarModels(json: $json) { added updated } }', {
        json: JSON.stringify({ data: [u5, other, unchanged, added] }),
      });
      expect(importCarModels).toEqual({ added: 1, updated: 1 });
      const models = async (id: string) =>
        (
          await driver.client.data<{ carModel: { batteryKwh: number; acMaxKw: number; source: string } }>(
            MODEL,
            { id },
          )
        ).carModel;
      expect(await models(AIWAYS_U5)).toMatchObject({ batteryKwh: 63.5, acMaxKw: 11, source: 'MANUAL' });
      expect(await models(other.id as string)).toMatchObject({ batteryKwh: 123.4, source: 'OPEN_EV_DATA' });
      expect(await models('new-model-2026')).toMatchObject({ batteryKwh: 99 });
    });

    it('is updated from a newer file by `npm run cars:import`, sent in parts', async () => {
      const file = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { data: Record<string, unknown>[] };
      file.data.push({ ...file.data[1], id: 'from-the-script', model: 'Scripted' });
      const path = join(tmpdir(), `ev-data-${process.pid}.json`);
      writeFileSync(path, JSON.stringify(file));
      const output = await runImportScript(path, {
        CSMS_URL: server.httpUrl,
        CSMS_TOKEN: superAdmin.bearer!.slice(7),
      });
      expect(output.code).toBe(0);
      // The model the mutation test changed is as the file gives it again.
      expect(output.stdout).toContain('1 added, 1 updated');
      expect((await carModels(driver.client, { search: 'scripted' })).totalCount).toBe(1);
    });

    it('refuses bad files and bad models with BAD_USER_INPUT, and changes by others than super admins', async () => {
      const importing = 'mutation ($json: String!) { importCarModels(json: $json) { added } }';
      expect(await superAdmin.errorCode(importing, { json: 'not json' })).toBe('BAD_USER_INPUT');
      expect(await superAdmin.errorCode(importing, { json: '{"data":[{"brand":"x"}]}' })).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await superAdmin.errorCode('mutation { createCarModel(input: { brand: "", model: "X" }) { id } }'),
      ).toBe('BAD_USER_INPUT');
      expect(
        await superAdmin.errorCode(
          'mutation { createCarModel(input: { brand: "B", model: "X", dcChargingCurve: [{ soc: 10, powerKw: 1 }, { soc: 10, powerKw: 2 }] }) { id } }',
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        await admin.client.errorCode('mutation { createCarModel(input: { brand: "B", model: "X" }) { id } }'),
      ).toBe('FORBIDDEN');
      expect(await driver.client.errorCode(importing, { json: '{}' })).toBe('FORBIDDEN');
      expect(await new GraphQLClient(server.httpUrl).errorCode('{ carBrands }')).toBe('UNAUTHENTICATED');
      expect(await driver.client.errorCode(MODEL, { id: 'nope' })).toBe('NOT_FOUND');
    });
  });

  describe('users’ cars', () => {
    it('gives a driver their cars: the first is the default, a new default replaces it', async () => {
      const first = (
        await driver.client.data<{ createCar: Record<string, unknown> & { id: string } }>(CREATE_CAR, {
          input: { carModelId: AIWAYS_U5, vin: 'WVWZZZ1JZXW000001', licensePlate: 'ab-123-cd' },
        })
      ).createCar;
      expect(first).toMatchObject({
        userId: driver.id,
        isDefault: true,
        licensePlate: 'AB-123-CD',
        converter: null,
      });
      // The U5 as corrected above: 11 kW on three phases, 16 A each at 230 V.
      expect(first.acLimit).toEqual({ powerKw: 11, phases: 3, ampsPerPhase: 15.9 });

      const second = (
        await driver.client.data<{ createCar: Record<string, unknown> & { id: string } }>(CREATE_CAR, {
          input: {
            carModelId: AIWAYS_U5,
            isDefault: true,
            converter: { powerKw: 7.4, phases: 1, ampsPerPhase: 32 },
          },
        })
      ).createCar;
      expect(second).toMatchObject({
        isDefault: true,
        acLimit: { powerKw: 7.4, phases: 1, ampsPerPhase: 32 },
      });
      const mine = await driver.client.data<{
        cars: { totalCount: number; edges: { node: { id: string; isDefault: boolean } }[] };
      }>(CARS);
      expect(mine.cars.edges.map(({ node }) => [node.id, node.isDefault])).toEqual([
        [first.id, false],
        [second.id, true],
      ]);

      const updated = await driver.client.data<{ updateCar: { isDefault: boolean; vin: string | null } }>(
        UPDATE_CAR,
        {
          input: { id: first.id, carModelId: AIWAYS_U5, isDefault: true },
        },
      );
      expect(updated.updateCar).toEqual(expect.objectContaining({ isDefault: true, vin: null }));
      const after = await driver.client.data<{
        cars: { edges: { node: { id: string; isDefault: boolean } }[] };
      }>(CARS);
      expect(after.cars.edges.filter(({ node }) => node.isDefault).map(({ node }) => node.id)).toEqual([
        first.id,
      ]);
    });

    it('keeps drivers to their own cars; admins see and manage every car of the tenant', async () => {
      const { createCar } = await otherDriver.client.data<{ createCar: { id: string } }>(CREATE_CAR, {
        input: { carModelId: AIWAYS_U5 },
      });
      expect(await driver.client.errorCode(`query { car(id: "${createCar.id}") { id } }`)).toBe('NOT_FOUND');
      expect(
        await driver.client.errorCode(CREATE_CAR, {
          input: { carModelId: AIWAYS_U5, userId: otherDriver.id },
        }),
      ).toBe('FORBIDDEN');
      const theirs = await admin.client.data<{ cars: { totalCount: number } }>(CARS, {
        userId: otherDriver.id,
      });
      expect(theirs.cars.totalCount).toBe(1);
      const everyone = await admin.client.data<{ cars: { totalCount: number } }>(CARS);
      expect(everyone.cars.totalCount).toBe(3);
      expect(await admin.client.data(`mutation { deleteCar(id: "${createCar.id}") }`)).toEqual({
        deleteCar: true,
      });
      expect((await otherDriver.client.data<{ cars: { totalCount: number } }>(CARS)).cars.totalCount).toBe(0);
    });

    it('gives a session of the driver their default car', async () => {
      const { cars } = await driver.client.data<{
        cars: { edges: { node: { id: string; isDefault: boolean } }[] };
      }>(CARS);
      const defaultCar = cars.edges.find(({ node }) => node.isDefault)!.node;
      await createTag(admin.client, { id: 'CAR-DRIVER-TAG', userId: driver.id });
      const station = await connectStation(server.wsUrl, 'CS-CARS');
      try {
        await station.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Cars' });
        const { transactionId } = (await station.call('StartTransaction', {
          connectorId: 1,
          idTag: 'CAR-DRIVER-TAG',
          meterStart: 0,
          timestamp: new Date().toISOString(),
        })) as { transactionId: number };
        await server.app.get(SessionCarListener).whenIdle();
        const { transactions } = await driver.client.data<{
          transactions: {
            edges: {
              node: { ocppTransactionId: string; car: { id: string; carModel: { model: string } } | null };
            }[];
          };
        }>(
          '{ transactions(first: 10) { edges { node { ocppTransactionId car { id carModel { model } } } } } }',
        );
        const session = transactions.edges.find(
          ({ node }) => node.ocppTransactionId === String(transactionId),
        )!.node;
        expect(session.car).toEqual({ id: defaultCar.id, carModel: { model: 'U5' } });
      } finally {
        await station.close({ force: true });
      }
    });

    it('refuses a bad VIN, a VIN twice, an unknown model and a bad converter with BAD_USER_INPUT', async () => {
      await otherDriver.client.data(CREATE_CAR, {
        input: { carModelId: AIWAYS_U5, vin: 'WVWZZZ1JZXW000001' },
      });
      const refused = (input: Record<string, unknown>) => driver.client.errorCode(CREATE_CAR, { input });
      expect(await refused({ carModelId: AIWAYS_U5, vin: 'WVWZZZ1JZXW00000I' })).toBe('BAD_USER_INPUT');
      expect(await refused({ carModelId: AIWAYS_U5, vin: 'WVWZZZ1JZXW000001' })).toBe('BAD_USER_INPUT');
      expect(await refused({ carModelId: 'no-such-model' })).toBe('BAD_USER_INPUT');
      expect(
        await refused({ carModelId: AIWAYS_U5, converter: { powerKw: 11, phases: 4, ampsPerPhase: 16 } }),
      ).toBe('BAD_USER_INPUT');
    });
  });
});

function runImportScript(
  path: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'cars:import', '--', path], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
