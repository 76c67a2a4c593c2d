import { asTenantId } from '@csms/common';
import { OcppMessageDirection, OcppMessageLogWriter, OcppMessageRepository } from '@csms/ocpp';
import { SoapStationCommands } from '@csms/ocpp/soap';
import { SoapEndpointRegistry } from '@csms/ocpp/soap/endpoints/soap-endpoint.registry';
import { SoapEndpointRepository } from '@csms/ocpp/soap/endpoints/soap-endpoint.repository';
import { loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';
import { postForFault, rawEnvelope } from './support/soap-envelopes';
import { OCA, SoapTestStation } from './support/soap-test-station';

const TENANT = asTenantId('default');
const CS16 = OCA['1.6'].csNamespace;
const CS15 = OCA['1.5'].csNamespace;

const boot = (fields: string, ns = CS16) =>
  `<cs:bootNotificationRequest xmlns:cs="${ns}">${fields}</cs:bootNotificationRequest>`;
const VALID_BOOT = boot(
  '<cs:chargePointVendor>V</cs:chargePointVendor><cs:chargePointModel>M</cs:chargePointModel>',
);

describe('OCPP-S: bad input gets a SOAP Fault, unreachable stations a typed error', () => {
  let app: TestApp;
  let url16: string;

  beforeAll(async () => {
    app = await startTestApp('ocpp-soap-faults', { OCPP_CALL_TIMEOUT_MS: '1000' });
    url16 = `${app.httpUrl}/ocpp/soap/default/1.6`;
  });
  afterAll(() => app.close());

  const valid = { chargeBoxIdentity: 'RAW-1', namespace: CS16, action: '/BootNotification' };

  it.each([
    {
      name: 'malformed XML',
      xml: '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><unclosed></s:Body>',
      code: 'soap:Sender',
      subcode: 'ocpp:FormationViolation',
      reason: /^Malformed XML: /,
    },
    {
      name: 'a document that is no envelope',
      xml: '<hello/>',
      code: 'soap:Sender',
      subcode: 'ocpp:FormationViolation',
      reason: /^The document is not a SOAP envelope$/,
    },
    {
      name: 'the wrong namespace (a 1.5 body on the 1.6 endpoint)',
      xml: rawEnvelope({ ...valid, body: boot('<cs:chargePointVendor>V</cs:chargePointVendor>', CS15) }),
      code: 'soap:Sender',
      subcode: 'ocpp:ProtocolError',
      reason: new RegExp(`^Wrong namespace "${CS15}" for OCPP 1.6`),
    },
    {
      name: 'a missing chargeBoxIdentity',
      xml: rawEnvelope({ ...valid, chargeBoxIdentity: undefined, body: VALID_BOOT }),
      code: 'soap:Sender',
      subcode: 'ocpp:ProtocolError',
      reason: /^The chargeBoxIdentity header is missing$/,
    },
    {
      name: 'an unknown operation',
      xml: rawEnvelope({ ...valid, action: '/Launch', body: `<cs:launchRocketRequest xmlns:cs="${CS16}"/>` }),
      code: 'soap:Sender',
      subcode: 'ocpp:NotSupported',
      reason: /^Unknown operation "launchRocketRequest" for OCPP 1.6$/,
    },
    {
      name: 'a missing WS-Addressing Action',
      xml: rawEnvelope({ ...valid, action: undefined, body: VALID_BOOT }),
      code: 'soap:Sender',
      subcode: 'ocpp:ProtocolError',
      reason: /^The WS-Addressing Action header is missing$/,
    },
    {
      name: 'a missing required element',
      xml: rawEnvelope({ ...valid, body: boot('<cs:chargePointModel>M</cs:chargePointModel>') }),
      code: 'soap:Sender',
      subcode: 'ocpp:FormationViolation',
      reason: /^Invalid BootNotification: chargePointVendor is required$/,
    },
    {
      name: 'a value of the wrong type',
      xml: rawEnvelope({
        ...valid,
        action: '/StatusNotification',
        body: `<cs:statusNotificationRequest xmlns:cs="${CS16}"><cs:connectorId>one</cs:connectorId><cs:errorCode>NoError</cs:errorCode><cs:status>Available</cs:status></cs:statusNotificationRequest>`,
      }),
      code: 'soap:Sender',
      subcode: 'ocpp:FormationViolation',
      reason: /^Invalid StatusNotification: connectorId: "one" is not an xs:int$/,
    },
    {
      name: 'a value outside its enumeration',
      xml: rawEnvelope({
        ...valid,
        action: '/StatusNotification',
        body: `<cs:statusNotificationRequest xmlns:cs="${CS16}"><cs:connectorId>1</cs:connectorId><cs:errorCode>NoError</cs:errorCode><cs:status>Sleeping</cs:status></cs:statusNotificationRequest>`,
      }),
      code: 'soap:Sender',
      subcode: 'ocpp:FormationViolation',
      reason: /^Invalid StatusNotification: status: "Sleeping" is not one of Available, /,
    },
    {
      name: 'an element the schema does not know',
      xml: rawEnvelope({
        ...valid,
        body: boot(
          '<cs:chargePointVendor>V</cs:chargePointVendor><cs:chargePointModel>M</cs:chargePointModel><cs:colour>red</cs:colour>',
        ),
      }),
      code: 'soap:Sender',
      subcode: 'ocpp:FormationViolation',
      reason: /unexpected element \{urn:\/\/Ocpp\/Cs\/2015\/10\/\}colour$/,
    },
  ])('answers $name with a Fault', async ({ xml, code, subcode, reason }) => {
    const fault = await postForFault(url16, xml);
    expect(fault.status).toBe(400);
    expect(fault.code).toBe(code);
    expect(fault.subcode).toBe(subcode);
    expect(fault.reason).toMatch(reason);
  });

  it('refuses an unknown tenant with a Fault', async () => {
    const fault = await postForFault(
      `${app.httpUrl}/ocpp/soap/nowhere/1.6`,
      rawEnvelope({ ...valid, body: VALID_BOOT }),
    );
    expect(fault).toMatchObject({
      status: 400,
      subcode: 'ocpp:SecurityError',
      reason: 'Unknown tenant "nowhere"',
    });
  });

  it('asks a station with a password for HTTP Basic credentials', async () => {
    const admin = (await createUserAndLogin(await loginAsAdmin(app.httpUrl), 'ADMIN')).client;
    await admin.data(
      'mutation($input: CreateChargingStationInput!) { createChargingStation(input: $input) { id } }',
      {
        input: { id: 'LOCKED-1', password: 'S3cret-pass' },
      },
    );
    const send = (authorization?: string) =>
      fetch(url16, {
        method: 'POST',
        headers: {
          'content-type': 'application/soap+xml; charset=utf-8',
          ...(authorization ? { authorization } : {}),
        },
        body: rawEnvelope({ ...valid, chargeBoxIdentity: 'LOCKED-1', body: VALID_BOOT }),
      });
    const basic = (password: string) => `Basic ${Buffer.from(`LOCKED-1:${password}`).toString('base64')}`;

    for (const authorization of [undefined, basic('wrong-password')]) {
      const refused = await send(authorization);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Wrong or missing credentials for charging station');
    }
    expect((await send(basic('S3cret-pass'))).status).toBe(200);
  });

  it('answers unknown versions and bare GETs with 404', async () => {
    const post = await fetch(`${app.httpUrl}/ocpp/soap/default/1.7`, { method: 'POST', body: VALID_BOOT });
    const get = await fetch(url16);
    expect([post.status, get.status]).toEqual([404, 404]);
  });

  it('keeps serving after all that, and keeps the station address current', async () => {
    const first = await fetch(url16, {
      method: 'POST',
      headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
      body: rawEnvelope({ ...valid, body: VALID_BOOT, from: 'http://127.0.0.1:9/first' }),
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('<status>Accepted</status>');
    const registry = app.app.get(SoapEndpointRegistry);
    expect(await registry.find(TENANT, 'RAW-1')).toMatchObject({
      endpoint: 'http://127.0.0.1:9/first',
      version: '1.6',
    });

    const heartbeat = await fetch(url16, {
      method: 'POST',
      headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
      body: rawEnvelope({
        ...valid,
        action: '/Heartbeat',
        body: `<cs:heartbeatRequest xmlns:cs="${CS16}"/>`,
        from: 'http://127.0.0.1:9/second',
      }),
    });
    expect(heartbeat.status).toBe(200);
    expect(await registry.find(TENANT, 'RAW-1')).toMatchObject({ endpoint: 'http://127.0.0.1:9/second' });
    // A fresh registry (a restarted server) finds it in the database.
    const restarted = new SoapEndpointRegistry(app.app.get(SoapEndpointRepository));
    expect(await restarted.find(TENANT, 'RAW-1')).toEqual({
      stationId: 'RAW-1',
      version: '1.6',
      endpoint: 'http://127.0.0.1:9/second',
    });
  });

  describe('commands', () => {
    let commands: SoapStationCommands;

    beforeAll(() => {
      commands = app.app.get(SoapStationCommands);
    });

    it('treats a station never heard over SOAP as offline', async () => {
      expect(await commands.isSoapStation(TENANT, 'NEVER-SEEN')).toBe(false);
      await expect(commands.reset(TENANT, 'NEVER-SEEN', 'Hard')).rejects.toMatchObject({
        code: 'STATION_OFFLINE',
      });
    });

    it('refuses a command its WSDL does not allow before sending it', async () => {
      // RAW-1 gave an address nobody listens at: a refusal here cannot have come from the network.
      await expect(
        commands.changeConfiguration(TENANT, 'RAW-1', 'Key', 'x'.repeat(501)),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'Invalid ChangeConfiguration for OCPP 1.6: value: longer than 500 characters',
      });
    });

    it('answers STATION_TIMEOUT when the station is too slow and STATION_OFFLINE when it is gone', async () => {
      const station = await SoapTestStation.start('1.6', url16, 'SLOW-1');
      await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
      station.answers.ClearCache = () =>
        new Promise((resolve) => setTimeout(() => resolve({ status: 'Accepted' }), 2500));
      const startedAt = Date.now();
      await expect(commands.clearCache(TENANT, 'SLOW-1')).rejects.toMatchObject({ code: 'STATION_TIMEOUT' });
      expect(Date.now() - startedAt).toBeLessThan(2000);

      await station.close();
      await expect(commands.clearCache(TENANT, 'SLOW-1')).rejects.toMatchObject({ code: 'STATION_OFFLINE' });

      // Both calls are in the message log, without an answer.
      await app.app.get(OcppMessageLogWriter).flush();
      const log = await app.app
        .get(OcppMessageRepository)
        .page(TENANT, { stationId: 'SLOW-1' }, { first: 10 });
      const clearCaches = log.edges.map((edge) => edge.node).filter((node) => node.action === 'ClearCache');
      expect(clearCaches.map((node) => [node.direction, node.messageType, node.answerType])).toEqual([
        [OcppMessageDirection.OUT, 'CALL', undefined],
        [OcppMessageDirection.OUT, 'CALL', undefined],
      ]);
    });

    it('reports a Fault from the station as its refusal', async () => {
      const station = await SoapTestStation.start('1.5', `${app.httpUrl}/ocpp/soap/default/1.5`, 'FAULTY-1');
      try {
        await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
        station.answers.UnlockConnector = () => {
          // The soap package answers a thrown `{ Fault }` with a SOAP Fault.
          throw Object.assign(new Error('jammed'), {
            Fault: { Code: { Value: 'soap:Receiver' }, Reason: { Text: 'connector jammed' } },
          });
        };
        await expect(commands.unlockConnector(TENANT, 'FAULTY-1', 1)).rejects.toMatchObject({
          message: expect.stringContaining('connector jammed'),
        });
      } finally {
        await station.close();
      }
    });
  });
});
