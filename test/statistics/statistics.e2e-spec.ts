import { SessionEndedListener } from '@csms/statistics';
import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { TestApp, startTestApp } from '../support/test-app';
import { TestUser, createTag, createUserAndLogin } from '../support/users';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
} from '../organizations/support/organizations';

interface Series {
  key: string;
  label: string | null;
  total: number;
  points: { period: string; value: number }[];
}

const STATISTICS = `query($measure: StatisticsMeasure!, $groupBy: StatisticsGroupBy!, $period: StatisticsPeriod!,
  $from: DateTime!, $to: DateTime!, $filter: StatisticsFilter) {
  statistics(measure: $measure, groupBy: $groupBy, period: $period, from: $from, to: $to, filter: $filter) {
    key label total points { period value }
  }
}`;

/** A year local to Paris: 2025-01-01T00:00 Paris is 2024-12-31T23:00Z. */
const PARIS_YEAR = { from: '2024-12-31T23:00:00Z', to: '2025-12-31T23:00:00Z' };

describe('statistics', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let driver: TestUser;
  let colleague: TestUser;
  let siteAdmin: TestUser;
  let paris: RPCClient;
  let newYork: RPCClient;
  let ids: { company: string; parisSite: string; parisArea: string; nySite: string; nyCompany: string };
  let sessionIdsByStop: Map<number, number>;

  const query = async (client: GraphQLClient, variables: Record<string, unknown>): Promise<Series[]> =>
    (await client.data<{ statistics: Series[] }>(STATISTICS, { ...PARIS_YEAR, ...variables })).statistics;

  const counted = () => server.app.get(SessionEndedListener).whenIdle();

  /** One session: start, optional meter values, stop; resolves once statistics counted it. */
  async function charge(
    station: RPCClient,
    tag: string,
    start: string,
    stop: string,
    energyWh: number,
    meterValues: { at: string; wh: number }[] = [],
  ): Promise<number> {
    const started = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: tag,
      meterStart: 1000,
      timestamp: start,
    })) as { transactionId: number };
    for (const value of meterValues) {
      await station.call('MeterValues', {
        connectorId: 1,
        transactionId: started.transactionId,
        meterValue: [
          {
            timestamp: value.at,
            sampledValue: [
              { value: String(1000 + value.wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
            ],
          },
        ],
      });
    }
    await station.call('StopTransaction', {
      transactionId: started.transactionId,
      meterStop: 1000 + energyWh,
      timestamp: stop,
    });
    await counted();
    return started.transactionId;
  }

  beforeAll(async () => {
    server = await startTestApp('statistics');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    driver = await createUserAndLogin(superAdmin, 'BASIC');
    colleague = await createUserAndLogin(superAdmin, 'BASIC');
    siteAdmin = await createUserAndLogin(superAdmin, 'BASIC');
    await createTag(admin, { id: 'DRIVER', userId: driver.id });
    await createTag(admin, { id: 'COLLEAGUE', userId: colleague.id });

    const company = await createCompany(admin, 'Voltgrid France');
    const nyCompany = await createCompany(admin, 'Voltgrid US');
    const { createSite: parisSite } = await admin.data<{ createSite: { id: string; timeZone: string } }>(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id timeZone } }',
      { input: { companyId: company, name: 'Paris', timeZone: 'Europe/Paris' } },
    );
    expect(parisSite.timeZone).toBe('Europe/Paris');
    const nySite = await createSite(admin, nyCompany, 'New York');
    await admin.data('mutation($input: UpdateSiteInput!) { updateSite(input: $input) { id } }', {
      input: { id: nySite, timeZone: 'America/New_York' },
    });
    const parisArea = await createSiteArea(admin, parisSite.id, 'Paris garage');
    const nyArea = await createSiteArea(admin, nySite, 'NY garage');
    await createStationIn(admin, 'STAT-PARIS', parisArea);
    await createStationIn(admin, 'STAT-NY', nyArea);
    ids = { company, parisSite: parisSite.id, parisArea, nySite, nyCompany };
    await admin.data(
      'mutation($site: ID!, $user: ID!) { assignSiteAdmin(siteId: $site, userId: $user) { role } }',
      {
        site: nySite,
        user: siteAdmin.id,
      },
    );
    siteAdmin.client = await siteAdmin.client.login(siteAdmin.email, 'Str0ng!Passw0rd');

    paris = await connectStation(server.wsUrl, 'STAT-PARIS');
    newYork = await connectStation(server.wsUrl, 'STAT-NY');
    for (const station of [paris, newYork]) {
      await station.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Stat' });
    }
    sessionIdsByStop = new Map();
    // Paris, local times: Mon 2025-06-02 09:30–11:30 (10 kWh, idle for the last half hour),
    // Tue 2025-06-03 20:00–21:00 (5 kWh), and 2025-01-01 00:30 local (still 2024 in UTC: 4 kWh).
    sessionIdsByStop.set(
      1,
      await charge(paris, 'DRIVER', '2025-06-02T07:30:00Z', '2025-06-02T09:30:00Z', 10_000, [
        { at: '2025-06-02T08:30:00Z', wh: 6_000 },
        { at: '2025-06-02T09:00:00Z', wh: 10_000 },
      ]),
    );
    await charge(paris, 'COLLEAGUE', '2025-06-03T18:00:00Z', '2025-06-03T19:00:00Z', 5_000);
    await charge(paris, 'DRIVER', '2024-12-31T23:30:00Z', '2025-01-01T00:30:00Z', 4_000);
    // New York, local: Sat 2025-03-15 23:00 (04:00Z on the 16th): 20 kWh over 2 hours.
    await charge(newYork, 'DRIVER', '2025-03-16T03:00:00Z', '2025-03-16T05:00:00Z', 20_000);
    // Outside the year: neither counted.
    await charge(paris, 'DRIVER', '2024-12-31T22:30:00Z', '2024-12-31T22:45:00Z', 1_000);
    await charge(paris, 'DRIVER', '2026-01-02T10:00:00Z', '2026-01-02T11:00:00Z', 1_000);
  });

  afterAll(async () => {
    await paris?.close({ force: true });
    await newYork?.close({ force: true });
    await server?.close();
  });

  it('gives a year of consumption per site by local month, each site in its own time zone', async () => {
    const series = await query(admin, { measure: 'CONSUMPTION', groupBy: 'SITE', period: 'MONTH' });
    expect(series.map((s) => [s.key, s.label, s.total])).toEqual([
      [ids.nySite, 'New York', 20],
      [ids.parisSite, 'Paris', 19],
    ]);
    const parisPoints = Object.fromEntries(series[1].points.map((point) => [point.period, point.value]));
    expect(parisPoints['2025-01']).toBe(4);
    expect(parisPoints['2025-06']).toBe(15);
    // One axis for every series, as each zone with sessions sees the range: in New York it begins
    // on December 31st at 18:00.
    expect(series[1].points.map((point) => point.period)).toEqual([
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    // 23:00 on March 15th in New York, not the 16th as in UTC.
    const nyDays = await query(admin, { measure: 'CONSUMPTION', groupBy: 'SITE', period: 'DAY' });
    const nyPoint = nyDays.find((s) => s.key === ids.nySite)!.points.find((point) => point.value > 0);
    expect(nyPoint).toEqual({ period: '2025-03-15', value: 20 });
  });

  it('counts by local hour and weekday, usage and inactivity in hours', async () => {
    const hours = await query(admin, { measure: 'SESSIONS', groupBy: 'COMPANY', period: 'HOUR' });
    const france = hours.find((s) => s.key === ids.company)!;
    expect(france.label).toBe('Voltgrid France');
    expect(france.points.filter((p) => p.value > 0)).toEqual([
      { period: '00', value: 1 },
      { period: '09', value: 1 },
      { period: '20', value: 1 },
    ]);
    const weekdays = await query(admin, { measure: 'USAGE', groupBy: 'SITE_AREA', period: 'DAY_OF_WEEK' });
    const garage = weekdays.find((s) => s.key === ids.parisArea)!;
    expect(garage.points.map((p) => p.period)).toEqual([
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
      'SUNDAY',
    ]);
    expect(garage.points.find((p) => p.period === 'MONDAY')!.value).toBe(2);
    expect(garage.points.find((p) => p.period === 'TUESDAY')!.value).toBe(1);
    const idle = await query(admin, {
      measure: 'INACTIVITY',
      groupBy: 'CHARGING_STATION',
      period: 'YEAR',
      filter: { chargingStationId: 'STAT-PARIS' },
    });
    // Only the first session's meter stood still (09:00–09:30Z); the others had no curve between.
    expect(idle).toEqual([
      { key: 'STAT-PARIS', label: 'STAT-PARIS', total: 0.5, points: [{ period: '2025', value: 0.5 }] },
    ]);
  });

  it('groups by user and badge, and filters by user through the sessions themselves', async () => {
    const users = await query(admin, { measure: 'SESSIONS', groupBy: 'USER', period: 'YEAR' });
    expect(users.map((s) => [s.key, s.total])).toEqual([
      [driver.id, 3],
      [colleague.id, 1],
    ]);
    expect(users[0].label).toBe(driver.email);
    const tags = await query(admin, {
      measure: 'CONSUMPTION',
      groupBy: 'TAG',
      period: 'YEAR',
      filter: { siteId: ids.parisSite },
    });
    expect(tags.map((s) => [s.key, s.total])).toEqual([
      ['DRIVER', 14],
      ['COLLEAGUE', 5],
    ]);
    // Per station for one user: no rollup knows both, so the facts answer; the same totals.
    const perStation = await query(admin, {
      measure: 'CONSUMPTION',
      groupBy: 'CHARGING_STATION',
      period: 'MONTH',
      filter: { userId: driver.id },
    });
    expect(perStation.map((s) => [s.key, s.total])).toEqual([
      ['STAT-NY', 20],
      ['STAT-PARIS', 14],
    ]);
  });

  it('answers a range with partial days at its edges from the sessions', async () => {
    const series = await query(admin, {
      measure: 'CONSUMPTION',
      groupBy: 'SITE',
      period: 'DAY',
      from: '2025-06-02T08:00:00Z',
      to: '2025-06-03T18:30:00Z',
    });
    // The Monday session started before 08:00Z: only Tuesday's counts.
    expect(series.map((s) => [s.key, s.total])).toEqual([[ids.parisSite, 5]]);
    expect(series[0].points.map((p) => p.period)).toEqual(['2025-06-02', '2025-06-03']);
  });

  it('counts a corrected or re-delivered session once, with its corrected values', async () => {
    const before = await query(admin, { measure: 'CONSUMPTION', groupBy: 'SITE', period: 'YEAR' });
    const count = async () =>
      (await query(admin, { measure: 'SESSIONS', groupBy: 'SITE', period: 'YEAR' })).find(
        (s) => s.key === ids.parisSite,
      )!.total;
    const sessionsBefore = await count();
    // The station sends the first session's StopTransaction again, with a corrected meter.
    await paris.call('StopTransaction', {
      transactionId: sessionIdsByStop.get(1),
      meterStop: 1000 + 12_000,
      timestamp: '2025-06-02T09:30:00Z',
    });
    await counted();
    const after = await query(admin, { measure: 'CONSUMPTION', groupBy: 'SITE', period: 'YEAR' });
    const total = (series: Series[]) => series.find((s) => s.key === ids.parisSite)!.total;
    expect(total(after)).toBe(total(before) + 2);
    expect(await count()).toBe(sessionsBefore);
  });

  it('shows drivers their own sessions and site admins their sites only', async () => {
    const own = await query(driver.client, { measure: 'SESSIONS', groupBy: 'SITE', period: 'YEAR' });
    expect(own.map((s) => [s.key, s.total])).toEqual([
      [ids.parisSite, 2],
      [ids.nySite, 1],
    ]);
    const theirs = await query(colleague.client, { measure: 'SESSIONS', groupBy: 'USER', period: 'YEAR' });
    expect(theirs.map((s) => s.key)).toEqual([colleague.id]);
    const site = await query(siteAdmin.client, {
      measure: 'CONSUMPTION',
      groupBy: 'CHARGING_STATION',
      period: 'YEAR',
    });
    expect(site.map((s) => [s.key, s.total])).toEqual([['STAT-NY', 20]]);
  });

  describe('CSV exports', () => {
    interface Job {
      id: string;
      kind: string;
      status: string;
      rowsWritten: number;
      totalRows: number;
      downloadUrl: string;
      expiresAt: string;
    }
    const JOB = 'id kind status rowsWritten totalRows downloadUrl expiresAt';

    const download = async (job: Job): Promise<{ status: number; rows: string[][] }> => {
      const response = await fetch(`${server.httpUrl}${job.downloadUrl}`);
      const text = await response.text();
      return {
        status: response.status,
        rows: text
          .trim()
          .split('\r\n')
          .map((line) => line.split(',')),
      };
    };

    it('streams the sessions a caller may list behind a signed link, then reports it completed', async () => {
      const { exportSessions: job } = await admin.data<{ exportSessions: Job }>(
        `mutation { exportSessions { ${JOB} } }`,
      );
      expect(job).toMatchObject({ kind: 'sessions', status: 'READY', rowsWritten: 0, totalRows: 6 });
      expect(new Date(job.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const { status, rows } = await download(job);
      expect(status).toBe(200);
      expect(rows[0]).toEqual(
        expect.arrayContaining(['id', 'chargingStationId', 'energyKwh', 'priceInclVat']),
      );
      expect(rows).toHaveLength(1 + 6);
      const energy = rows[0].indexOf('energyKwh');
      expect(
        rows
          .slice(1)
          .map((row) => Number(row[energy]))
          .sort((a, b) => a - b),
      ).toEqual([1, 1, 4, 5, 12, 20]);
      const { exportJob } = await admin.data<{ exportJob: Job }>(
        `query($id: ID!) { exportJob(id: $id) { ${JOB} } }`,
        {
          id: job.id,
        },
      );
      expect(exportJob).toMatchObject({ status: 'COMPLETED', rowsWritten: 6 });
    });

    it('gives a site admin the sessions of its sites only, and others no look at the job', async () => {
      const { exportSessions: job } = await siteAdmin.client.data<{ exportSessions: Job }>(
        `mutation { exportSessions { ${JOB} } }`,
      );
      const { rows } = await download(job);
      const station = rows[0].indexOf('chargingStationId');
      expect(rows.slice(1).map((row) => row[station])).toEqual(['STAT-NY']);
      expect(await admin.errorCode(`query($id: ID!) { exportJob(id: $id) { id } }`, { id: job.id })).toBe(
        'NOT_FOUND',
      );
      expect(await driver.client.errorCode('mutation { exportOcppMessages { id } }')).toBe('FORBIDDEN');
    });

    it('exports a year of statistics per site as one row per site and month', async () => {
      const { exportStatistics: job } = await admin.data<{ exportStatistics: Job }>(
        `mutation($from: DateTime!, $to: DateTime!) {
          exportStatistics(measure: CONSUMPTION, groupBy: SITE, period: MONTH, from: $from, to: $to) { ${JOB} }
        }`,
        PARIS_YEAR,
      );
      const { rows } = await download(job);
      expect(rows[0]).toEqual(['key', 'label', 'period', 'measure', 'value']);
      expect(rows).toHaveLength(1 + 2 * 13);
      const series = await query(admin, { measure: 'CONSUMPTION', groupBy: 'SITE', period: 'MONTH' });
      const expected = series.flatMap((one) =>
        one.points.map((point) => [one.key, one.label, point.period, 'CONSUMPTION', String(point.value)]),
      );
      expect(rows.slice(1)).toEqual(expected);
      expect(rows).toContainEqual([ids.nySite, 'New York', '2025-03', 'CONSUMPTION', '20']);
    });

    it('refuses a tampered or expired link with 403', async () => {
      const { exportChargingStations: job } = await admin.data<{ exportChargingStations: Job }>(
        `mutation { exportChargingStations { ${JOB} } }`,
      );
      const { rows } = await download(job);
      expect(
        rows
          .slice(1)
          .map((row) => row[0])
          .sort(),
      ).toEqual(['STAT-NY', 'STAT-PARIS']);
      const url = new URL(job.downloadUrl, server.httpUrl);
      url.searchParams.set('expires', String(Math.floor(Date.now() / 1000) + 3600));
      expect((await fetch(url)).status).toBe(403);
      url.searchParams.set('expires', '1000');
      expect((await fetch(url)).status).toBe(403);
      expect((await fetch(`${server.httpUrl}/exports/default/${job.id}.csv`)).status).toBe(403);
    });

    it('exports badges and users as the caller may list them', async () => {
      const tagsOf = async (client: GraphQLClient): Promise<string[]> => {
        const { exportTags: job } = await client.data<{ exportTags: Job }>(
          `mutation { exportTags { ${JOB} } }`,
        );
        return (await download(job)).rows.slice(1).map((row) => row[0]);
      };
      expect(await tagsOf(admin)).toEqual(expect.arrayContaining(['DRIVER', 'COLLEAGUE']));
      expect(await tagsOf(driver.client)).toEqual(['DRIVER']);
      const { exportUsers: job } = await admin.data<{ exportUsers: Job }>(
        `mutation { exportUsers { ${JOB} } }`,
      );
      const { rows } = await download(job);
      expect(rows[0]).not.toContain('passwordHash');
      expect(rows.slice(1).map((row) => row[1])).toEqual(
        expect.arrayContaining([driver.email, colleague.email]),
      );
    });

    it('exports the OCPP message log of a station', async () => {
      const { exportOcppMessages: job } = await admin.data<{ exportOcppMessages: Job }>(
        `mutation { exportOcppMessages(filter: { chargingStationId: "STAT-NY" }) { ${JOB} } }`,
      );
      const { rows } = await download(job);
      const action = rows[0].indexOf('action');
      expect(rows.slice(1).map((row) => row[action])).toEqual(
        expect.arrayContaining(['BootNotification', 'StartTransaction', 'StopTransaction']),
      );
      expect(rows.slice(1).every((row) => row[1] === 'STAT-NY')).toBe(true);
      // Each row says how many calls it stands for (a run of MeterValues is one row).
      const count = rows[0].indexOf('count');
      expect(rows[0].slice(-2)).toEqual(['count', 'lastTimestamp']);
      expect(rows.slice(1).every((row) => Number(row[count]) >= 1)).toBe(true);
    });
  });

  it('refuses a reversed range with BAD_USER_INPUT and anonymous callers', async () => {
    const code = await admin.errorCode(STATISTICS, {
      measure: 'SESSIONS',
      groupBy: 'SITE',
      period: 'YEAR',
      from: '2025-02-01T00:00:00Z',
      to: '2025-01-01T00:00:00Z',
    });
    expect(code).toBe('BAD_USER_INPUT');
    const anonymous = new GraphQLClient(server.httpUrl);
    expect(
      await anonymous.errorCode(STATISTICS, {
        ...PARIS_YEAR,
        measure: 'SESSIONS',
        groupBy: 'SITE',
        period: 'YEAR',
      }),
    ).toBe('UNAUTHENTICATED');
  });
});
