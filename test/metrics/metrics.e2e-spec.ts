import { DEFAULT_TENANT_ID } from '@csms/common';
import { JobQueue } from '@csms/database';
import { NotificationQueue } from '@csms/notifications';
import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { PrometheusFamily, parsePrometheusText } from '../support/prometheus-parser';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';

const TOKEN = 'metrics-scraper-token-0123456789';

describe('GET /metrics', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let station: RPCClient;

  const scrape = async (): Promise<PrometheusFamily[]> => {
    const response = await fetch(`${server.httpUrl}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return parsePrometheusText(await response.text());
  };
  /** The value of the sample named `name` whose labels include `labels`. */
  const value = (
    families: PrometheusFamily[],
    name: string,
    labels: Record<string, string> = {},
  ): number | null | undefined =>
    families
      .flatMap((family) => family.samples)
      .find(
        (sample) =>
          sample.name === name && Object.entries(labels).every(([key, v]) => sample.labels[key] === v),
      )?.value;

  beforeAll(async () => {
    server = await startTestApp('metrics', {
      METRICS_TOKEN: TOKEN,
      // A mail server that is not there: the unknown badge's email fails at once.
      SMTP_URL: 'smtp://127.0.0.1:9',
      NOTIFICATION_MAX_ATTEMPTS: '1',
    });
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    station = await connectStation(server.wsUrl, 'CS-METRICS');
    station.handle('GetConfiguration', () => Promise.resolve({ configurationKey: [], unknownKey: ['Nope'] }));
    await station.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Metrics' });
    for (let i = 0; i < 3; i++) await station.call('Heartbeat', {});
    await admin.data(
      'mutation { getConfiguration(chargingStationId: "CS-METRICS", keys: ["Nope"]) { key } }',
    );
    await station.call('Authorize', { idTag: 'NOBODY-KNOWS' });
    await server.app.get(NotificationQueue).whenIdle();
    // A job waiting in a queue no handler runs: the backlog a scraper should see.
    await server.app.get(JobQueue).enqueue(DEFAULT_TENANT_ID, 'test-backlog', { n: 1 });
  });

  afterAll(async () => {
    await station?.close({ force: true });
    await server?.close();
  });

  it('refuses scrapers without the token', async () => {
    expect((await fetch(`${server.httpUrl}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.httpUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('serves what Prometheus’ own parser reads, with the CSMS’s metrics and their values', async () => {
    const families = await scrape();
    expect(families.find((family) => family.name === 'csms_ocpp_command_duration_seconds')?.type).toBe(
      'histogram',
    );
    expect(value(families, 'csms_ocpp_stations_connected')).toBe(1);
    expect(value(families, 'csms_ocpp_messages_total', { direction: 'in', action: 'Heartbeat' })).toBe(3);
    expect(
      value(families, 'csms_ocpp_messages_total', { direction: 'out', action: 'GetConfiguration' }),
    ).toBe(1);
    const command = { action: 'GetConfiguration', outcome: 'CALLRESULT' };
    expect(value(families, 'csms_ocpp_command_duration_seconds_count', command)).toBe(1);
    expect(value(families, 'csms_ocpp_command_duration_seconds_sum', command)).toBeGreaterThan(0);
    expect(value(families, 'csms_ocpp_command_duration_seconds_bucket', { ...command, le: '+Inf' })).toBe(1);
    expect(value(families, 'csms_ocpp_inbound_duration_seconds_count', { action: 'BootNotification' })).toBe(
      1,
    );
    expect(
      value(families, 'csms_database_write_duration_seconds_count', {
        command: 'insert',
        collection: 'queued_jobs',
      }),
    ).toBe(1);
    expect(value(families, 'csms_event_bus_lag_seconds_count')).toBeGreaterThan(0);
    expect(value(families, 'csms_notifications_failed_total')).toBe(1);
    expect(value(families, 'csms_jobs', { queue: 'test-backlog', status: 'PENDING' })).toBe(1);
    // The process's own, from prom-client's defaults.
    expect(value(families, 'csms_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
