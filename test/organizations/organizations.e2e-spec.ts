import { destination } from '@csms/organizations';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';
import { createCompany, createSite, createSiteArea, createStationIn } from './support/organizations';

const PARIS = { latitude: 48.8566, longitude: 2.3522 };
const LYON = { latitude: 45.764, longitude: 4.8357 };

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; name: string } }[];
}

const names = (page: Page) => page.edges.map((edge) => edge.node.name);

describe('organizations: companies, sites, site areas and where stations stand', () => {
  let server: TestApp;
  let admin: GraphQLClient;

  beforeAll(async () => {
    server = await startTestApp('organizations');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
  });
  afterAll(() => server.close());

  describe('companies', () => {
    const COMPANIES =
      'query($first: Int, $after: String, $name: String) { companies(first: $first, after: $after, name: $name) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }';

    it('are created, updated and listed by name, page by page, filtered by part of the name', async () => {
      const id = await createCompany(admin, 'Volt Charge');
      await createCompany(admin, 'Amp Park');
      await createCompany(admin, 'Ohm Power');
      const { updateCompany } = await admin.data<{ updateCompany: unknown }>(
        'mutation($id: ID!) { updateCompany(input: { id: $id, address: { city: "Paris", country: "FR" } }) { name address { city country street } } }',
        { id },
      );
      expect(updateCompany).toEqual({
        name: 'Volt Charge',
        address: { city: 'Paris', country: 'FR', street: null },
      });

      const first = (await admin.data<{ companies: Page }>(COMPANIES, { first: 2 })).companies;
      expect(names(first)).toEqual(['Amp Park', 'Ohm Power']);
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (
        await admin.data<{ companies: Page }>(COMPANIES, { first: 2, after: first.pageInfo.endCursor })
      ).companies;
      expect(names(second)).toEqual(['Volt Charge']);
      expect(second.pageInfo.hasNextPage).toBe(false);

      const filtered = (await admin.data<{ companies: Page }>(COMPANIES, { name: 'o' })).companies;
      expect(names(filtered)).toEqual(['Ohm Power', 'Volt Charge']);
      expect((await admin.data<{ companies: Page }>(COMPANIES, { name: '.*' })).companies.totalCount).toBe(0);
    });

    it('refuses bad input and unknown ids', async () => {
      expect(await admin.errorCode('mutation { createCompany(input: { name: "" }) { id } }')).toBe(
        'BAD_USER_INPUT',
      );
      expect(await admin.errorCode('{ company(id: "nope") { id } }')).toBe('NOT_FOUND');
    });
  });

  describe('sites', () => {
    let companyId: string;

    beforeAll(async () => {
      companyId = await createCompany(admin, 'Sites Inc');
    });

    it('hold an address, coordinates, opening hours and a public flag', async () => {
      const { createSite } = await admin.data<{ createSite: Record<string, unknown> }>(
        `mutation($input: CreateSiteInput!) { createSite(input: $input) {
          name public address { street postalCode city country } coordinates { latitude longitude }
          openingHours { weekday opensAt closesAt } company { name } } }`,
        {
          input: {
            companyId,
            name: 'Gare de Lyon',
            public: true,
            address: { street: '1 place Louis-Armand', postalCode: '75012', city: 'Paris', country: 'FR' },
            coordinates: PARIS,
            openingHours: [
              { weekday: 'MONDAY', opensAt: '06:00', closesAt: '12:00' },
              { weekday: 'MONDAY', opensAt: '13:00', closesAt: '24:00' },
            ],
          },
        },
      );
      expect(createSite).toEqual({
        name: 'Gare de Lyon',
        public: true,
        address: { street: '1 place Louis-Armand', postalCode: '75012', city: 'Paris', country: 'FR' },
        coordinates: PARIS,
        openingHours: [
          { weekday: 'MONDAY', opensAt: '06:00', closesAt: '12:00' },
          { weekday: 'MONDAY', opensAt: '13:00', closesAt: '24:00' },
        ],
        company: { name: 'Sites Inc' },
      });
    });

    it('are listed per company and by name', async () => {
      const other = await createCompany(admin, 'Other Co');
      await createSite(admin, other, 'Elsewhere');
      await createSite(admin, companyId, 'Depot Nord');
      const { sites } = await admin.data<{ sites: Page }>(
        'query($companyId: ID) { sites(companyId: $companyId, first: 10) { totalCount edges { node { id name } } } }',
        { companyId },
      );
      expect(names(sites)).toEqual(['Depot Nord', 'Gare de Lyon']);
      const byName = await admin.data<{ sites: Page }>(
        '{ sites(name: "nord") { totalCount edges { node { id name } } } }',
      );
      expect(names(byName.sites)).toEqual(['Depot Nord']);
    });

    it('refuses reversed opening hours, impossible coordinates and an unknown company', async () => {
      const create = 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }';
      const reversed = { weekday: 'SUNDAY', opensAt: '18:00', closesAt: '08:00' };
      expect(
        await admin.errorCode(create, { input: { companyId, name: 'X', openingHours: [reversed] } }),
      ).toBe('BAD_USER_INPUT');
      const badTime = { weekday: 'SUNDAY', opensAt: '25:00', closesAt: '26:00' };
      expect(
        await admin.errorCode(create, { input: { companyId, name: 'X', openingHours: [badTime] } }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await admin.errorCode(create, {
          input: { companyId, name: 'X', coordinates: { latitude: 91, longitude: 0 } },
        }),
      ).toBe('BAD_USER_INPUT');
      expect(await admin.errorCode(create, { input: { companyId: 'nope', name: 'X' } })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('lose their coordinates with null and keep other fields', async () => {
      const id = await createSite(admin, companyId, 'Moving', { coordinates: LYON });
      const { updateSite } = await admin.data<{ updateSite: unknown }>(
        'mutation($id: ID!) { updateSite(input: { id: $id, coordinates: null, public: true }) { name public coordinates { latitude } } }',
        { id },
      );
      expect(updateSite).toEqual({ name: 'Moving', public: true, coordinates: null });
    });
  });

  describe('site areas', () => {
    let siteId: string;
    let main: string;
    let hall: string;
    let row: string;
    const UPDATE_PARENT =
      'mutation($id: ID!, $parent: ID) { updateSiteArea(input: { id: $id, parentSiteAreaId: $parent }) { id parentSiteAreaId } }';

    beforeAll(async () => {
      siteId = await createSite(admin, await createCompany(admin, 'Fuses Ltd'), 'Fuse Site');
      main = await createSiteArea(admin, siteId, 'Main');
      hall = await createSiteArea(admin, siteId, 'Hall', main);
      row = await createSiteArea(admin, siteId, 'Row 1', hall);
    });

    it('nest under each other and carry their electrical limits', async () => {
      const { createSiteArea } = await admin.data<{ createSiteArea: unknown }>(
        `mutation($input: CreateSiteAreaInput!) { createSiteArea(input: $input) {
          name maximumPowerWatts numberOfPhases voltage accessControl parentSiteArea { name } site { name } } }`,
        {
          input: {
            siteId,
            name: 'Parking',
            maximumPowerWatts: 44_000,
            numberOfPhases: 3,
            voltage: 400,
            accessControl: false,
            parentSiteAreaId: main,
          },
        },
      );
      expect(createSiteArea).toEqual({
        name: 'Parking',
        maximumPowerWatts: 44_000,
        numberOfPhases: 3,
        voltage: 400,
        accessControl: false,
        parentSiteArea: { name: 'Main' },
        site: { name: 'Fuse Site' },
      });
      const { siteAreas } = await admin.data<{ siteAreas: Page }>(
        'query($siteId: ID) { siteAreas(siteId: $siteId) { totalCount edges { node { id name } } } }',
        { siteId },
      );
      expect(names(siteAreas)).toEqual(['Hall', 'Main', 'Parking', 'Row 1']);
      expect(
        await admin.errorCode(
          'mutation($siteId: ID!) { createSiteArea(input: { siteId: $siteId, name: "Two", numberOfPhases: 2 }) { id } }',
          { siteId },
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('refuse a parent that would make a loop, or that is in another site', async () => {
      expect(await admin.errorCode(UPDATE_PARENT, { id: main, parent: row })).toBe('BAD_USER_INPUT');
      expect(await admin.errorCode(UPDATE_PARENT, { id: main, parent: hall })).toBe('BAD_USER_INPUT');
      expect(await admin.errorCode(UPDATE_PARENT, { id: hall, parent: hall })).toBe('BAD_USER_INPUT');
      const otherSite = await createSite(admin, await createCompany(admin, 'Far Co'), 'Far');
      const foreign = await createSiteArea(admin, otherSite, 'Far area');
      expect(await admin.errorCode(UPDATE_PARENT, { id: row, parent: foreign })).toBe('BAD_USER_INPUT');
      // A move outside the own subtree is fine, and null makes a top-level area.
      expect(await admin.data(UPDATE_PARENT, { id: row, parent: main })).toEqual({
        updateSiteArea: { id: row, parentSiteAreaId: main },
      });
      expect(await admin.data(UPDATE_PARENT, { id: row, parent: null })).toEqual({
        updateSiteArea: { id: row, parentSiteAreaId: null },
      });
    });

    it('are not deleted while sub-areas or stations remain, nor their site or company', async () => {
      const deleteArea = 'mutation($id: ID!) { deleteSiteArea(id: $id) }';
      expect(await admin.errorCode(deleteArea, { id: main })).toBe('BAD_USER_INPUT');
      await createStationIn(admin, 'CS-IN-ROW', row);
      expect(await admin.errorCode(deleteArea, { id: row })).toBe('BAD_USER_INPUT');
      expect(await admin.errorCode('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId })).toBe(
        'BAD_USER_INPUT',
      );
      const { site } = await admin.data<{ site: { companyId: string } }>(
        'query($id: ID!) { site(id: $id) { companyId } }',
        { id: siteId },
      );
      expect(
        await admin.errorCode('mutation($id: ID!) { deleteCompany(id: $id) }', { id: site.companyId }),
      ).toBe('BAD_USER_INPUT');
      await admin.data('mutation { deleteChargingStation(id: "CS-IN-ROW") }');
      expect(await admin.data(deleteArea, { id: row })).toEqual({ deleteSiteArea: true });
    });

    it('empty sites and companies are deleted', async () => {
      const company = await createCompany(admin, 'Short Lived');
      const site = await createSite(admin, company, 'Short Site');
      const area = await createSiteArea(admin, site, 'Short Area');
      await admin.data('mutation($id: ID!) { deleteSiteArea(id: $id) }', { id: area });
      expect(await admin.data('mutation($id: ID!) { deleteSite(id: $id) }', { id: site })).toEqual({
        deleteSite: true,
      });
      expect(await admin.data('mutation($id: ID!) { deleteCompany(id: $id) }', { id: company })).toEqual({
        deleteCompany: true,
      });
      expect(await admin.errorCode('query($id: ID!) { site(id: $id) { id } }', { id: site })).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('charging stations in site areas', () => {
    let siteId: string;
    let areaA: string;
    let areaB: string;
    const STATION =
      'query($id: ID!) { chargingStation(id: $id) { id siteId siteAreaId siteArea { name } site { name } } }';

    beforeAll(async () => {
      siteId = await createSite(admin, await createCompany(admin, 'Placement Co'), 'Placement Site');
      areaA = await createSiteArea(admin, siteId, 'Area A');
      areaB = await createSiteArea(admin, siteId, 'Area B');
    });

    it('are created in a site area, which must exist', async () => {
      await createStationIn(admin, 'CS-PLACED', areaA);
      expect(await admin.data(STATION, { id: 'CS-PLACED' })).toEqual({
        chargingStation: {
          id: 'CS-PLACED',
          siteId,
          siteAreaId: areaA,
          siteArea: { name: 'Area A' },
          site: { name: 'Placement Site' },
        },
      });
      expect(
        await admin.errorCode(
          'mutation { createChargingStation(input: { id: "CS-NOWHERE", siteAreaId: "nope" }) { id } }',
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('move between site areas and out of them', async () => {
      const assign =
        'mutation($id: ID!, $area: ID) { assignChargingStationToSiteArea(chargingStationId: $id, siteAreaId: $area) { siteAreaId siteArea { name } } }';
      expect(await admin.data(assign, { id: 'CS-PLACED', area: areaB })).toEqual({
        assignChargingStationToSiteArea: { siteAreaId: areaB, siteArea: { name: 'Area B' } },
      });
      expect(await admin.data(assign, { id: 'CS-PLACED', area: null })).toEqual({
        assignChargingStationToSiteArea: { siteAreaId: null, siteArea: null },
      });
      expect(await admin.data(STATION, { id: 'CS-PLACED' })).toMatchObject({
        chargingStation: { siteId: null, site: null },
      });
      expect(await admin.errorCode(assign, { id: 'CS-PLACED', area: 'nope' })).toBe('NOT_FOUND');
      expect(await admin.errorCode(assign, { id: 'CS-NONE', area: areaA })).toBe('NOT_FOUND');
    });

    it('show their site and area in lists', async () => {
      await createStationIn(admin, 'CS-LIST-1', areaA);
      await createStationIn(admin, 'CS-LIST-2', areaB);
      const { chargingStations } = await admin.data<{
        chargingStations: { edges: { node: { id: string; siteArea: { name: string } | null } }[] };
      }>('{ chargingStations(first: 100) { edges { node { id siteArea { name } site { name } } } } }');
      const areas = Object.fromEntries(
        chargingStations.edges.map((edge) => [edge.node.id, edge.node.siteArea?.name]),
      );
      expect(areas).toMatchObject({ 'CS-LIST-1': 'Area A', 'CS-LIST-2': 'Area B', 'CS-PLACED': undefined });
    });
  });

  describe('stations near a point', () => {
    const NEAR = `query($latitude: Float!, $longitude: Float!, $radius: Float!, $first: Int, $after: String) {
      chargingStationsNear(latitude: $latitude, longitude: $longitude, radiusMeters: $radius, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { distanceMeters node { id } } } }`;
    type Near = {
      chargingStationsNear: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { distanceMeters: number; node: { id: string } }[];
      };
    };

    beforeAll(async () => {
      const company = await createCompany(admin, 'Geo Co');
      const spots = {
        center: PARIS,
        east: destination(PARIS, 90, 3_000),
        north: destination(PARIS, 0, 8_000),
        lyon: LYON,
      };
      for (const [name, coordinates] of Object.entries(spots)) {
        const site = await createSite(admin, company, `Geo ${name}`, { coordinates });
        const area = await createSiteArea(admin, site, `Geo ${name} area`);
        await createStationIn(admin, `GEO-${name.toUpperCase()}-1`, area);
        if (name === 'east') await createStationIn(admin, 'GEO-EAST-2', area);
      }
    });

    it('finds the stations whose site is within the radius, nearest first, with their distance', async () => {
      const { chargingStationsNear } = await admin.data<Near>(NEAR, { ...PARIS, radius: 5_000 });
      expect(chargingStationsNear.edges.map((edge) => edge.node.id)).toEqual([
        'GEO-CENTER-1',
        'GEO-EAST-1',
        'GEO-EAST-2',
      ]);
      expect(chargingStationsNear.totalCount).toBe(3);
      expect(chargingStationsNear.edges[0].distanceMeters).toBe(0);
      expect(chargingStationsNear.edges[1].distanceMeters).toBeCloseTo(3_000, 0);

      const wider = await admin.data<Near>(NEAR, { ...PARIS, radius: 10_000 });
      expect(wider.chargingStationsNear.edges.at(-1)?.node.id).toBe('GEO-NORTH-1');
      const national = await admin.data<Near>(NEAR, { ...PARIS, radius: 500_000 });
      expect(national.chargingStationsNear.totalCount).toBe(5);
      expect(national.chargingStationsNear.edges.at(-1)?.distanceMeters).toBeCloseTo(391_500, -3);
    });

    it('pages through the result with cursors over (distance, id)', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Near = await admin.data<Near>(NEAR, { ...PARIS, radius: 10_000, first: 2, after });
        seen.push(...page.chargingStationsNear.edges.map((edge) => edge.node.id));
        if (!page.chargingStationsNear.pageInfo.hasNextPage) break;
        after = page.chargingStationsNear.pageInfo.endCursor;
      }
      expect(seen).toEqual(['GEO-CENTER-1', 'GEO-EAST-1', 'GEO-EAST-2', 'GEO-NORTH-1']);
    });

    it('refuses an impossible point or radius', async () => {
      expect(await admin.errorCode(NEAR, { latitude: 95, longitude: 0, radius: 1000 })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await admin.errorCode(NEAR, { ...PARIS, radius: -1 })).toBe('BAD_USER_INPUT');
    });
  });
});
