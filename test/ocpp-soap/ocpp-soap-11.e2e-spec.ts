import { Logger } from '@nestjs/common';
import { loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';
import { postForFault, rawEnvelope, SOAP11 } from './support/soap-envelopes';
import { OCA, SoapTestStation } from './support/soap-test-station';

const CS16 = OCA['1.6'].csNamespace;

/** OCPP-S is SOAP 1.2; stations whose SOAP stack speaks 1.1 are served all the same, with a warning. */
describe('OCPP-S: SOAP 1.1 envelopes from stations are accepted, answered in kind, and warned about', () => {
  let app: TestApp;
  let url16: string;
  let station: SoapTestStation;
  const warnings: string[] = [];

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(function (this: Logger, ...args: unknown[]) {
      warnings.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    });
    app = await startTestApp('ocpp-soap-11');
    url16 = `${app.httpUrl}/ocpp/soap/default/1.6`;
    station = await SoapTestStation.start('1.6', url16, 'SOAP11-1', '1.1');
  });
  afterAll(async () => {
    await station?.close();
    await app?.close();
    jest.restoreAllMocks();
  });

  it('boots a station whose requests are SOAP 1.1 envelopes, answering in SOAP 1.1', async () => {
    const boot = await station.call('BootNotification', {
      chargePointVendor: 'Old',
      chargePointModel: 'Stack',
    });
    expect(station.lastRequest).toContain(SOAP11);
    expect(boot).toMatchObject({ status: 'Accepted' });
    expect(warnings.join('\n')).toMatch(/Charging station SOAP11-1 speaks SOAP 1.1; OCPP-S is SOAP 1.2/);
  });

  it('answers a SOAP 1.1 envelope with text/xml and faults in SOAP 1.1 form', async () => {
    const valid = { chargeBoxIdentity: 'RAW-11', namespace: CS16, soapNamespace: SOAP11 };
    const ok = await fetch(url16, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '/Heartbeat' },
      body: rawEnvelope({
        ...valid,
        action: '/Heartbeat',
        body: `<cs:heartbeatRequest xmlns:cs="${CS16}"/>`,
      }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/xml/);
    const answer = await ok.text();
    expect(answer).toContain(`xmlns:soap="${SOAP11}"`);
    expect(answer).toMatch(/<currentTime>/);

    const fault = await postForFault(
      url16,
      rawEnvelope({ ...valid, action: '/Heartbeat', body: `<cs:launchRocketRequest xmlns:cs="${CS16}"/>` }),
    );
    expect(fault.status).toBe(400);
    expect(fault.body).toContain('<faultcode>soap:Client</faultcode>');
    expect(fault.body).toMatch(
      /<faultstring>Unknown operation &quot;launchRocketRequest&quot; for OCPP 1.6<\/faultstring>/,
    );
    expect(fault.body).toMatch(/<ocpp:errorCode [^>]*>NotSupported<\/ocpp:errorCode>/);
  });

  it('reads the SOAP 1.1 answer of a station to an operator command', async () => {
    const admin = (await createUserAndLogin(await loginAsAdmin(app.httpUrl), 'ADMIN')).client;
    station.answers.Reset = () => ({ status: 'Rejected' });
    const { reset } = await admin.data<{ reset: { status: string } }>(
      'mutation { reset(chargingStationId: "SOAP11-1", type: SOFT) { status } }',
    );
    expect(reset).toEqual({ status: 'Rejected' });
    expect(station.received.map((call) => call.operation)).toEqual(['Reset']);
    expect(warnings.join('\n')).toMatch(/Charging station SOAP11-1 answered Reset in SOAP 1.1/);
  });
});
