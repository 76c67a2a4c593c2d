import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Mailpit, ReceivedMail, linkIn } from '../support/mailpit';
import { connectStation } from '../support/ocpp-station';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin } from '../support/users';

const FRONTEND_URL = 'https://charge.example.test';
const BOOT = { chargePointVendor: 'VoltGrid', chargePointModel: 'Test' };

interface IdTagAnswer {
  idTagInfo: { status: string };
}

/** Long enough for a message that would wrongly follow to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('charging notifications through real OCPP and a real SMTP server', () => {
  let mailpit: Mailpit;
  let server: TestApp;
  let superAdmin: GraphQLClient;
  /** The tenant's own admin manages its badges. */
  let tenantAdmin: GraphQLClient;
  const stations: RPCClient[] = [];
  const mailsTo = async (email: string, predicate: (mail: ReceivedMail) => boolean = () => true) =>
    (await mailpit.messages()).filter((mail) => mail.to.includes(email) && predicate(mail));

  const bootedStation = async (id: string): Promise<RPCClient> => {
    const station = await connectStation(server.wsUrl, id);
    stations.push(station);
    await station.call('BootNotification', BOOT);
    return station;
  };

  beforeAll(async () => {
    mailpit = await Mailpit.start();
    server = await startTestApp('charging-notifications', {
      SMTP_URL: mailpit.smtpUrl,
      FRONTEND_URL,
      NOTIFICATION_RETRY_BASE_MS: '600000',
      OPTIMAL_CHARGE_PERCENT: '80',
    });
    superAdmin = await loginAsAdmin(server.httpUrl);
    tenantAdmin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
  });
  afterAll(async () => {
    await Promise.all(stations.map((station) => station.close({ force: true })));
    await server?.close();
    await mailpit?.stop();
  });

  it('tells admins, once per badge and station, that an unknown badge was presented', async () => {
    const admin = await createUserAndLogin(superAdmin, 'ADMIN');
    await admin.client.data('mutation { updateMe(input: { locale: "de" }) { id } }');
    const muted = await createUserAndLogin(superAdmin, 'ADMIN');
    await muted.client.data(
      'mutation { updateMe(input: { notificationPreferences: { unknownTagUsed: false } }) { id } }',
    );
    await createTag(tenantAdmin, { id: 'KNOWN-BADGE' });
    const [first, second] = [await bootedStation('CS-BADGE-1'), await bootedStation('CS-BADGE-2')];

    const answer = (await first.call('Authorize', { idTag: 'STRANGER-1' })) as IdTagAnswer;
    expect(answer.idTagInfo.status).toBe('Invalid');
    expect(((await first.call('Authorize', { idTag: 'STRANGER-1' })) as IdTagAnswer).idTagInfo.status).toBe(
      'Invalid',
    );
    const started = (await first.call('StartTransaction', {
      connectorId: 1,
      idTag: 'STRANGER-1',
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as IdTagAnswer;
    expect(started.idTagInfo.status).toBe('Invalid');
    await second.call('Authorize', { idTag: 'STRANGER-1' });
    expect(((await first.call('Authorize', { idTag: 'KNOWN-BADGE' })) as IdTagAnswer).idTagInfo.status).toBe(
      'Accepted',
    );

    const mail = await mailpit.waitFor(admin.email, (received) => received.subject.includes('CS-BADGE-1'));
    expect(mail.subject).toBe('Default: unbekannte Ladekarte STRANGER-1 an CS-BADGE-1');
    expect(mail.text).toContain('An der Ladestation CS-BADGE-1 wurde am');
    expect(mail.text).toContain('die Ladekarte STRANGER-1 vorgelegt');
    expect(linkIn(mail, '/charging-stations/CS-BADGE-1').origin).toBe(FRONTEND_URL);
    await mailpit.waitFor(admin.email, (received) => received.subject.includes('CS-BADGE-2'));
    await settle();
    const aboutBadges = await mailsTo(admin.email, (received) => received.subject.includes('Ladekarte'));
    expect(aboutBadges.map((received) => received.subject).sort()).toEqual([
      'Default: unbekannte Ladekarte STRANGER-1 an CS-BADGE-1',
      'Default: unbekannte Ladekarte STRANGER-1 an CS-BADGE-2',
    ]);
    expect(await mailsTo(muted.email)).toEqual([]);
  });

  it('tells drivers once, in their language, that the battery reached the optimal charge', async () => {
    const driver = await createUserAndLogin(superAdmin, 'BASIC');
    await driver.client.data('mutation { updateMe(input: { locale: "es", firstName: "Inés" }) { id } }');
    const muted = await createUserAndLogin(superAdmin, 'BASIC');
    await muted.client.data(
      'mutation { updateMe(input: { notificationPreferences: { optimalChargeReached: false } }) { id } }',
    );
    await createTag(tenantAdmin, { id: 'DRIVER-BADGE', userId: driver.id });
    await createTag(tenantAdmin, { id: 'MUTED-BADGE', userId: muted.id });
    const station = await bootedStation('CS-SOC');
    const start = async (connectorId: number, idTag: string) =>
      (
        (await station.call('StartTransaction', {
          connectorId,
          idTag,
          meterStart: 0,
          timestamp: '2026-11-28T10:00:00Z',
        })) as { transactionId: number }
      ).transactionId;
    const meter = (connectorId: number, transactionId: number, minute: number, wh: number, soc: number) =>
      station.call('MeterValues', {
        connectorId,
        transactionId,
        meterValue: [
          {
            timestamp: `2026-11-28T10:${String(minute).padStart(2, '0')}:00Z`,
            sampledValue: [
              { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
              { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
              { value: String(soc), measurand: 'SoC', unit: 'Percent' },
            ],
          },
        ],
      });
    const driven = await start(1, 'DRIVER-BADGE');
    const quiet = await start(2, 'MUTED-BADGE');
    for (const [minute, wh, soc] of [
      [5, 2000, 55],
      [10, 4000, 79],
      [15, 6500, 81],
      [20, 8000, 86],
    ]) {
      await meter(1, driven, minute, wh, soc);
      await meter(2, quiet, minute, wh, soc);
    }

    const mail = await mailpit.waitFor(driver.email, (received) => received.subject.includes('batería'));
    expect(mail.subject).toBe('Default: batería al 81 % en CS-SOC');
    expect(mail.text).toContain('Hola Inés:');
    expect(mail.text).toContain('Su vehículo en la estación CS-SOC, conector 1, está cargado al 81 %');
    expect(mail.text).toContain('Energía entregada: 6,5 kWh.');
    expect(linkIn(mail, `/sessions/${encodeURIComponent(await transactionIdOf(driven))}`)).toBeDefined();
    await settle();
    expect(await mailsTo(driver.email, (received) => received.subject.includes('batería'))).toHaveLength(1);
    expect(await mailsTo(muted.email, (received) => received.subject.includes('%'))).toEqual([]);
  });

  async function transactionIdOf(ocppTransactionId: number): Promise<string> {
    const { transactions } = await tenantAdmin.data<{
      transactions: { edges: { node: { id: string; ocppTransactionId: string } }[] };
    }>(
      '{ transactions(filter: { chargingStationId: "CS-SOC" }) { edges { node { id ocppTransactionId } } } }',
    );
    const found = transactions.edges.find(
      (edge) => edge.node.ocppTransactionId === String(ocppTransactionId),
    );
    if (!found) throw new Error(`No transaction ${ocppTransactionId}`);
    return found.node.id;
  }
});
