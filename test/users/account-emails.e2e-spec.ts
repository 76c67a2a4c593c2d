import { DEFAULT_TENANT_ID } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Mailpit, linkIn } from '../support/mailpit';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin, eventually } from '../support/users';

const PASSWORD = 'Str0ng!Passw0rd';
const FRONTEND_URL = 'https://charge.example.test';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';

describe('account emails through a real SMTP server (Mailpit)', () => {
  let mailpit: Mailpit;
  let server: TestApp;
  let superAdmin: GraphQLClient;
  const anonymous = () => new GraphQLClient(server.httpUrl);
  // No retry within a test: a failed send waits for the restart below.
  const env = () => ({
    SMTP_URL: mailpit.smtpUrl,
    FRONTEND_URL,
    NOTIFICATION_RETRY_BASE_MS: '600000',
    STATION_OFFLINE_NOTIFICATION_SECONDS: '1',
  });

  beforeAll(async () => {
    mailpit = await Mailpit.start();
    server = await startTestApp('account-emails', env());
    superAdmin = await loginAsAdmin(server.httpUrl);
  });
  afterAll(async () => {
    await server?.close();
    await mailpit?.stop();
  });

  it('resets a password with a single-use emailed link, in the user’s language', async () => {
    const email = `reset-${Date.now()}@example.com`;
    await superAdmin.data(CREATE_USER, {
      input: { email, password: PASSWORD, role: 'BASIC', locale: 'fr', firstName: 'Léa' },
    });
    const before = await anonymous().login(email, PASSWORD);

    const request = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
    expect(await anonymous().data(request, { email })).toEqual({ requestPasswordReset: true });
    expect(await anonymous().data(request, { email: 'nobody@example.com' })).toEqual({
      requestPasswordReset: true,
    });

    const mail = await mailpit.waitFor(email);
    expect(mail.subject).toBe('Default : réinitialisez votre mot de passe');
    expect(mail.text).toContain('Bonjour Léa,');
    const link = linkIn(mail, '/reset-password');
    expect(link.origin).toBe(FRONTEND_URL);
    expect(link.searchParams.get('tenant')).toBe('default');
    const token = link.searchParams.get('token')!;

    const reset =
      'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
    const weak = await anonymous().request(reset, { token, password: 'weak' });
    expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await anonymous().data(reset, { token, password: 'Brand-New-Pass1' })).toEqual({
      resetPassword: true,
    });
    expect(await anonymous().errorCode(reset, { token, password: 'Other-New-Pass1' })).toBe('BAD_USER_INPUT');
    expect(await anonymous().errorCode(reset, { token: 'forged', password: 'Other-New-Pass1' })).toBe(
      'BAD_USER_INPUT',
    );

    expect(await before.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
    await expect(anonymous().login(email, PASSWORD)).rejects.toThrow(/UNAUTHENTICATED/);
    await anonymous().login(email, 'Brand-New-Pass1');
    expect(
      (await mailpit.messages()).filter((received) => received.to.includes('nobody@example.com')),
    ).toEqual([]);
  });

  it('self-registration: closed by default; once opened, a verified email activates the account', async () => {
    const input = {
      email: `new-${Date.now()}@example.com`,
      password: PASSWORD,
      firstName: 'Jonas',
      locale: 'de',
    };
    const register = 'mutation($input: RegisterInput!) { register(input: $input) }';
    expect(await anonymous().errorCode(register, { input })).toBe('FORBIDDEN');

    const admin = await createUserAndLogin(superAdmin, 'ADMIN');
    await superAdmin.data(
      'mutation { updateTenant(input: { id: "default", selfRegistration: true }) { id } }',
    );
    expect(await anonymous().data(register, { input })).toEqual({ register: true });

    const pending = await anonymous().request(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: input.email, p: PASSWORD },
    );
    expect(pending.errors?.[0]).toMatchObject({
      message: 'Confirm your email address before logging in',
      extensions: { code: 'UNAUTHENTICATED' },
    });

    const mail = await mailpit.waitFor(input.email);
    expect(mail.subject).toBe('Default: Bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.text).toContain('Hallo Jonas,');
    const token = linkIn(mail, '/verify-email').searchParams.get('token')!;
    const verify = 'mutation($token: String!) { verifyEmail(token: $token) }';
    expect(await anonymous().data(verify, { token })).toEqual({ verifyEmail: true });
    expect(await anonymous().errorCode(verify, { token })).toBe('BAD_USER_INPUT');

    const user = await anonymous().login(input.email, PASSWORD);
    const { me } = await user.data<{ me: { role: string; status: string } }>('{ me { role status } }');
    expect(me).toEqual({ role: 'BASIC', status: 'ACTIVE' });

    const notice = await mailpit.waitFor(admin.email);
    expect(notice.subject).toBe(`Default: new user ${input.email}`);
    expect(
      linkIn(notice, `/users/${(await user.data<{ me: { id: string } }>('{ me { id } }')).me.id}`),
    ).toBeDefined();
  });

  it('tells users when an admin changes their account status', async () => {
    const email = `status-${Date.now()}@example.com`;
    const { createUser } = await superAdmin.data<{ createUser: { id: string } }>(CREATE_USER, {
      input: { email, password: PASSWORD, role: 'BASIC', locale: 'es' },
    });
    await superAdmin.data('mutation($id: ID!) { updateUser(input: { id: $id, status: BLOCKED }) { id } }', {
      id: createUser.id,
    });
    const mail = await mailpit.waitFor(email);
    expect(mail.subject).toBe('Default: el estado de su cuenta ha cambiado');
    expect(mail.text).toContain('Su cuenta está ahora bloqueada.');
  });

  it('emails drivers when their session starts and ends, per their preferences and language', async () => {
    const events = server.app.get(EventBus);
    const driver = await createUserAndLogin(superAdmin, 'BASIC');
    await driver.client.data('mutation { updateMe(input: { locale: "pt", firstName: "Rui" }) { id } }');
    const quiet = await createUserAndLogin(superAdmin, 'BASIC');
    await quiet.client.data(
      'mutation { updateMe(input: { notificationPreferences: { sessionStarted: false } }) { id } }',
    );

    const session = (userId: string, id: string) => ({
      id,
      chargingStationId: 'CS-7',
      connectorId: 2,
      userId,
      startedAt: new Date('2026-03-01T08:00:00Z'),
      meterStartWh: 1000,
    });
    for (const [user, id] of [
      [driver, 'tx-1'],
      [quiet, 'tx-2'],
    ] as const) {
      await events.publish(domainEvent('TransactionStarted', DEFAULT_TENANT_ID, session(user.id, id)));
      await events.publish(
        domainEvent('TransactionStopped', DEFAULT_TENANT_ID, {
          ...session(user.id, id),
          stoppedAt: new Date('2026-03-01T09:15:00Z'),
          energyWh: 22_500,
        }),
      );
    }

    const started = await mailpit.waitFor(driver.email, (mail) => mail.subject.includes('iniciado'));
    expect(started.subject).toBe('Default: carregamento iniciado em CS-7');
    expect(started.text).toContain('Olá Rui,');
    expect(linkIn(started, '/sessions/tx-1').searchParams.get('tenant')).toBe('default');
    const ended = await mailpit.waitFor(driver.email, (mail) => mail.subject.includes('terminada'));
    expect(ended.text).toContain('Energia fornecida: 22,5 kWh em 75 minutos.');

    const quietEnded = await mailpit.waitFor(quiet.email, (mail) => mail.subject.includes('ended'));
    expect(quietEnded.subject).toBe('Default: charging session at CS-7 ended');
    const toQuiet = (await mailpit.messages()).filter((mail) => mail.to.includes(quiet.email));
    expect(toQuiet.map((mail) => mail.subject)).toEqual([quietEnded.subject]);
  });

  it('emails drivers in their language when the charge has ended (battery full or energy stopped), once', async () => {
    const events = server.app.get(EventBus);
    const driver = await createUserAndLogin(superAdmin, 'BASIC');
    await driver.client.data('mutation { updateMe(input: { locale: "fr", firstName: "Léa" }) { id } }');
    const muted = await createUserAndLogin(superAdmin, 'BASIC');
    await muted.client.data(
      'mutation { updateMe(input: { notificationPreferences: { endOfCharge: false } }) { id } }',
    );
    const point = (userId: string, transactionId: string, minute: number, watts: number, soc: number) =>
      domainEvent('ConsumptionAdded', DEFAULT_TENANT_ID, {
        transactionId,
        chargingStationId: 'CS-8',
        connectorId: 2,
        userId,
        consumption: {
          timestamp: new Date(Date.UTC(2026, 2, 1, 9, minute)),
          cumulatedWh: 30_000 + minute * 100,
          instantWatts: watts,
          stateOfCharge: soc,
        },
      });
    // Full battery for the driver (the points after it must not send a second email); energy stopping
    // for longer than END_OF_CHARGE_IDLE_MINUTES (5) for the others (one of whom switched it off).
    for (const [minute, watts, soc] of [
      [0, 11_000, 97],
      [1, 4000, 100],
      [2, 0, 100],
      [3, 0, 100],
    ]) {
      await events.publish(point(driver.id, 'tx-full', minute, watts, soc));
    }
    const idle = await createUserAndLogin(superAdmin, 'BASIC');
    for (const [minute, watts] of [
      [0, 7000],
      [1, 0],
      [7, 0],
    ]) {
      await events.publish(point(muted.id, 'tx-muted', minute, watts, 60));
      await events.publish(point(idle.id, 'tx-idle', minute, watts, 60));
    }

    const mail = await mailpit.waitFor(driver.email, (received) =>
      received.subject.includes('recharge terminée'),
    );
    expect(mail.subject).toBe('Default : recharge terminée sur CS-8');
    expect(mail.text).toContain('Bonjour Léa,');
    expect(mail.text).toContain('(batterie à 100 %)');
    expect(mail.text).toMatch(/Énergie délivrée : 30[,.]1 kWh/);
    const idleMail = await mailpit.waitFor(idle.email, (received) =>
      received.subject.includes('charging complete'),
    );
    expect(idleMail.text).toContain('Charging at station CS-8, connector 2, is complete (battery at 60 %).');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const toDriver = (await mailpit.messages()).filter((received) => received.to.includes(driver.email));
    expect(toDriver).toHaveLength(1);
    expect((await mailpit.messages()).filter((received) => received.to.includes(muted.email))).toEqual([]);
  });

  it('tells admins about connector faults and stations going offline, per their preferences', async () => {
    const events = server.app.get(EventBus);
    const admin = await createUserAndLogin(superAdmin, 'ADMIN');
    await admin.client.data('mutation { updateMe(input: { locale: "it" }) { id } }');
    const muted = await createUserAndLogin(superAdmin, 'ADMIN');
    await muted.client.data(
      'mutation { updateMe(input: { notificationPreferences: { stationStatusError: false, stationOffline: false } }) { id } }',
    );
    const connector = { connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure' };
    await events.publish(
      domainEvent('ConnectorStatusChanged', DEFAULT_TENANT_ID, {
        chargingStationId: 'CS-9',
        connector,
        previousStatus: 'Available',
      }),
    );
    const station = { id: 'CS-9', lastSeen: new Date('2026-03-01T08:00:00Z') };
    await events.publish(
      domainEvent('ChargingStationUpdated', DEFAULT_TENANT_ID, { ...station, online: true }),
    );
    await events.publish(
      domainEvent('ChargingStationUpdated', DEFAULT_TENANT_ID, { ...station, online: false }),
    );
    // Back within the grace period (a network blip): no news.
    const blip = { id: 'CS-10', lastSeen: station.lastSeen };
    for (const online of [true, false, true]) {
      await events.publish(domainEvent('ChargingStationUpdated', DEFAULT_TENANT_ID, { ...blip, online }));
    }

    const fault = await mailpit.waitFor(admin.email, (mail) => mail.subject.includes('guasto'));
    expect(fault.subject).toBe('Default: guasto su CS-9, connettore 1');
    expect(fault.text).toContain('GroundFailure');
    expect(linkIn(fault, '/charging-stations/CS-9')).toBeDefined();
    const offline = await mailpit.waitFor(admin.email, (mail) => mail.subject.includes('offline'));
    expect(offline.subject).toBe('Default: la stazione CS-9 è offline');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const offlineMails = (await mailpit.messages()).filter(
      (mail) => mail.to.includes(admin.email) && mail.subject.includes('offline'),
    );
    expect(offlineMails.map((mail) => mail.subject)).toEqual(['Default: la stazione CS-9 è offline']);
    expect((await mailpit.messages()).filter((mail) => mail.to.includes(muted.email))).toEqual([]);
  });

  it('keeps a message that could not be sent and sends it after a restart', async () => {
    const email = `outage-${Date.now()}@example.com`;
    await superAdmin.data(CREATE_USER, { input: { email, password: PASSWORD, role: 'BASIC' } });
    await mailpit.stop();
    expect(
      await anonymous().data('mutation($email: String!) { requestPasswordReset(email: $email) }', { email }),
    ).toEqual({
      requestPasswordReset: true,
    });
    const databaseUri = server.config.MONGODB_URI!;
    const jobs = server.app.get<Connection>(getConnectionToken()).collection('notification_jobs');
    const failed = await eventually(
      () => jobs.find({ to: email }).toArray(),
      (found) => found.length === 1 && found[0].attempts === 1,
    );
    expect(failed[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    await server.close();

    mailpit = await Mailpit.start();
    server = await startTestApp('account-emails', { ...env(), MONGODB_URI: databaseUri });
    const mail = await mailpit.waitFor(email);
    expect(mail.subject).toBe('Default: reset your password');
    const token = linkIn(mail, '/reset-password').searchParams.get('token')!;
    expect(
      await anonymous().data(
        'mutation($token: String!) { resetPassword(token: $token, newPassword: "After-Outage-1") }',
        {
          token,
        },
      ),
    ).toEqual({ resetPassword: true });
    await eventually(
      () =>
        server.app
          .get<Connection>(getConnectionToken())
          .collection('notification_jobs')
          .countDocuments({ to: email }),
      (count) => count === 0,
    );
  });
});
