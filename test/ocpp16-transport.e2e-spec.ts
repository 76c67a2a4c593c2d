import { SUBPROTOCOL_PREFERENCE, VersionAdapterRegistry } from '@csms/ocpp';
import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from './support/graphql-client';
import { basicAuth, connectStation, RawOcppSocket, upgradeStatus } from './support/ocpp-station';
import { startTestApp, TestApp } from './support/test-app';
import { createUserAndLogin, eventually } from './support/users';

const NOW = '2026-11-28T10:00:00.000Z';

describe('OCPP 1.6-J transport', () => {
  let server: TestApp;
  let admin: GraphQLClient;

  beforeAll(async () => {
    server = await startTestApp('ocpp16_transport');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    await admin.data(
      'mutation { createChargingStation(input: { id: "CS-LOCKED", password: "s3cret-pass-123" }) { id } }',
    );
    await superAdmin.data(
      'mutation { createTenant(input: { id: "acme", name: "Acme", adminEmail: "boss@acme.test", adminPassword: "Acme-Pass-123" }) { id } }',
    );
  });

  afterAll(async () => {
    await server.close();
  });

  describe('authentication at the upgrade', () => {
    it('refuses an unknown tenant with 404', async () => {
      expect(await upgradeStatus(server.wsUrl, '/ocpp/nobody/CS-1')).toBe(404);
    });

    it('refuses a station a REGISTERED tenant does not know with 404', async () => {
      expect(await upgradeStatus(server.wsUrl, '/ocpp/acme/CS-STRANGER')).toBe(404);
    });

    it('refuses a path without tenant and station with 404', async () => {
      expect(await upgradeStatus(server.wsUrl, '/ocpp/CS-1')).toBe(404);
    });

    it('TC_085_CSMS asks a station with a password for its credentials: 401 when missing or wrong', async () => {
      expect(await upgradeStatus(server.wsUrl, '/ocpp/default/CS-LOCKED')).toBe(401);
      const wrong = basicAuth('CS-LOCKED', 'not-the-password');
      expect(await upgradeStatus(server.wsUrl, '/ocpp/default/CS-LOCKED', { authorization: wrong })).toBe(
        401,
      );
      const right = basicAuth('CS-LOCKED', 's3cret-pass-123');
      expect(await upgradeStatus(server.wsUrl, '/ocpp/default/CS-LOCKED', { authorization: right })).toBe(
        101,
      );
    });

    it('refuses a station offering no subprotocol it can speak with 400', async () => {
      expect(await upgradeStatus(server.wsUrl, '/ocpp/default/CS-OLD', { protocols: ['ocpp1.2'] })).toBe(400);
    });

    it("accepts an OPEN tenant's unknown station and negotiates the highest version both speak", async () => {
      const only16 = await connectStation(server.wsUrl, 'CS-NEW');
      expect(only16.protocol).toBe('ocpp1.6');
      await only16.close();
      const offered = ['ocpp1.6', 'ocpp2.0.1'];
      const both = await connectStation(server.wsUrl, 'CS-NEW', { protocols: offered });
      // The server's preference (highest version with an adapter) wins over the station's order.
      const highest = SUBPROTOCOL_PREFERENCE.find((subprotocol) =>
        server.app.get(VersionAdapterRegistry).subprotocols.includes(subprotocol),
      );
      expect(both.protocol).toBe(highest);
      await both.close();
    });
  });

  describe('every station → central system message', () => {
    let station: RPCClient;

    beforeAll(async () => {
      station = await connectStation(server.wsUrl, 'CS-ALL');
    });

    afterAll(async () => {
      await station.close();
    });

    it('answers BootNotification, Heartbeat and StatusNotification and records them', async () => {
      const boot = (await station.call('BootNotification', {
        chargePointVendor: 'VoltGrid',
        chargePointModel: 'VG-22',
        chargePointSerialNumber: 'SN-1',
        firmwareVersion: '1.2.3',
        iccid: '8931',
      })) as { status: string; interval: number; currentTime: string };
      expect(boot.status).toBe('Accepted');
      expect(boot.interval).toBeGreaterThan(0);
      expect(Math.abs(Date.parse(boot.currentTime) - Date.now())).toBeLessThan(60_000);
      const heartbeat = (await station.call('Heartbeat', {})) as { currentTime: string };
      expect(Number.isNaN(Date.parse(heartbeat.currentTime))).toBe(false);
      for (const connectorId of [0, 1, 2]) {
        await station.call('StatusNotification', {
          connectorId,
          errorCode: connectorId === 2 ? 'GroundFailure' : 'NoError',
          status: connectorId === 2 ? 'Faulted' : 'Available',
          timestamp: NOW,
        });
      }
      const { chargingStation } = await admin.data<{
        chargingStation: {
          vendor: string;
          model: string;
          firmwareVersion: string;
          online: boolean;
          ocppVersion: string;
          connectors: { connectorId: number; status: string; errorCode: string | null }[];
        };
      }>(
        '{ chargingStation(id: "CS-ALL") { vendor model firmwareVersion online ocppVersion connectors { connectorId status errorCode } } }',
      );
      expect(chargingStation).toMatchObject({ vendor: 'VoltGrid', model: 'VG-22', firmwareVersion: '1.2.3' });
      expect(chargingStation.online).toBe(true);
      expect(chargingStation.ocppVersion).toBe('1.6');
      expect(chargingStation.connectors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ connectorId: 1, status: 'Available' }),
          expect.objectContaining({ connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure' }),
        ]),
      );
    });

    it('runs a session: Authorize, StartTransaction, MeterValues, StopTransaction with transactionData', async () => {
      await admin.data('mutation { createTag(input: { id: "TAG-1" }) { id } }');
      const authorize = (await station.call('Authorize', { idTag: 'TAG-1' })) as {
        idTagInfo: { status: string };
      };
      expect(authorize.idTagInfo.status).toBe('Accepted');
      const unknown = (await station.call('Authorize', { idTag: 'NOBODY' })) as {
        idTagInfo: { status: string };
      };
      expect(unknown.idTagInfo.status).toBe('Invalid');

      const started = (await station.call('StartTransaction', {
        connectorId: 1,
        idTag: 'TAG-1',
        meterStart: 1000,
        timestamp: '2026-11-28T10:00:00Z',
      })) as { transactionId: number; idTagInfo: { status: string } };
      expect(Number.isInteger(started.transactionId)).toBe(true);
      expect(started.idTagInfo.status).toBe('Accepted');

      await station.call('MeterValues', {
        connectorId: 1,
        transactionId: started.transactionId,
        meterValue: [
          {
            timestamp: '2026-11-28T10:05:00Z',
            sampledValue: [
              { value: '2500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
              { value: '11000', measurand: 'Power.Active.Import', unit: 'W' },
            ],
          },
        ],
      });
      const stopped = (await station.call('StopTransaction', {
        transactionId: started.transactionId,
        meterStop: 4000,
        timestamp: '2026-11-28T10:20:00Z',
        idTag: 'TAG-1',
        reason: 'Local',
        transactionData: [
          {
            timestamp: '2026-11-28T10:20:00Z',
            sampledValue: [
              { value: '4000', measurand: 'Energy.Active.Import.Register', context: 'Transaction.End' },
            ],
          },
        ],
      })) as { idTagInfo?: { status: string } };
      expect(stopped.idTagInfo?.status ?? 'Accepted').toBe('Accepted');

      const { transactions } = await admin.data<{
        transactions: {
          edges: {
            node: {
              ocppTransactionId: string;
              active: boolean;
              meterStartWh: number;
              meterStopWh: number;
              energyWh: number;
              stopReason: string;
            };
          }[];
        };
      }>(
        '{ transactions(filter: { chargingStationId: "CS-ALL" }) { edges { node { ocppTransactionId active meterStartWh meterStopWh energyWh stopReason } } } }',
      );
      expect(transactions.edges).toHaveLength(1);
      expect(transactions.edges[0].node).toEqual({
        ocppTransactionId: String(started.transactionId),
        active: false,
        meterStartWh: 1000,
        meterStopWh: 4000,
        energyWh: 3000,
        stopReason: 'Local',
      });
    });

    it('answers DataTransfer, DiagnosticsStatusNotification and FirmwareStatusNotification', async () => {
      const answer = (await station.call('DataTransfer', {
        vendorId: 'com.unknown',
        messageId: 'x',
        data: 'y',
      })) as {
        status: string;
      };
      expect(answer.status).toBe('UnknownVendorId');
      expect(await station.call('DiagnosticsStatusNotification', { status: 'Uploaded' })).toEqual({});
      expect(await station.call('FirmwareStatusNotification', { status: 'Installed' })).toEqual({});
    });
  });

  describe('CALLERROR for bad input, the connection staying open', () => {
    let raw: RawOcppSocket;

    beforeAll(async () => {
      raw = await RawOcppSocket.open(server.wsUrl, 'CS-RAW');
    });

    afterAll(() => raw.close());

    const cases: [string, string, string][] = [
      ['a frame that is not JSON', 'this is not json', 'FormationViolation'],
      ['a frame that is not an array', '{"hello":1}', 'FormationViolation'],
      ['an unknown message type', '[5,"q1"]', 'FormationViolation'],
      ['an unknown action', '[2,"m1","FlyToTheMoon",{}]', 'NotImplemented'],
      ['a central-system-only action', '[2,"m2","Reset",{"type":"Hard"}]', 'NotImplemented'],
      ['a CALL without payload', '[2,"m3","Heartbeat"]', 'ProtocolError'],
      ['a payload that is not an object', '[2,"m4","Heartbeat",[1,2]]', 'FormationViolation'],
      ['a missing required field', '[2,"m5","Authorize",{}]', 'OccurenceConstraintViolation'],
      [
        'a field of the wrong type',
        '[2,"m6","StartTransaction",{"connectorId":"one","idTag":"T","meterStart":0,"timestamp":"2026-11-28T10:00:00Z"}]',
        'TypeConstraintViolation',
      ],
      [
        'a value outside its enum',
        '[2,"m7","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Dancing"}]',
        'PropertyConstraintViolation',
      ],
      [
        'a string beyond its length',
        `[2,"m8","Authorize",{"idTag":"${'X'.repeat(21)}"}]`,
        'PropertyConstraintViolation',
      ],
      [
        'a timestamp that is no date-time',
        '[2,"m9","StopTransaction",{"transactionId":1,"meterStop":0,"timestamp":"yesterday"}]',
        'TypeConstraintViolation',
      ],
      ['an unknown field', '[2,"m10","Heartbeat",{"extra":true}]', 'FormationViolation'],
    ];

    it.each(cases)('answers %s with the right CALLERROR', async (_label, frame, code) => {
      const answer = await raw.exchange(frame);
      expect(answer[0]).toBe(4);
      expect(answer[2]).toBe(code);
      expect(raw.closed).toBe(false);
    });

    it('still serves the station after all of them', async () => {
      const answer = await raw.exchange('[2,"ok-1","Heartbeat",{}]');
      expect(answer[0]).toBe(3);
      expect(answer[1]).toBe('ok-1');
    });
  });

  describe('connections', () => {
    it('refuses a frame beyond the size limit with a CALLERROR, and closes the connection beyond four times it (1009)', async () => {
      for (const [protocol, code] of [
        ['ocpp1.6', 'FormationViolation'],
        ['ocpp2.0.1', 'FormatViolation'],
      ]) {
        const raw = await RawOcppSocket.open(server.wsUrl, `CS-BIG-${protocol}`, 'default', protocol);
        const answer = await raw.exchange(
          `[2,"big","DataTransfer",{"vendorId":"x","data":"${'x'.repeat(300 * 1024)}"}]`,
        );
        expect(answer.slice(0, 3)).toEqual([4, 'big', code]);
        expect(answer[3]).toMatch(/^Frame of \d+ bytes exceeds the limit of 262144 bytes$/);
        expect((await raw.exchange('[2,"after","Heartbeat",{}]')).slice(0, 2)).toEqual([3, 'after']);
        const closed = new Promise<number>((resolve) =>
          raw.socket.once('close', (status: number) => resolve(status)),
        );
        raw.socket.send(`[2,"huge","DataTransfer",{"vendorId":"x","data":"${'x'.repeat(1100 * 1024)}"}]`);
        expect(await closed).toBe(1009);
      }
    });

    it('answers a CALL in a binary frame with a CALLERROR, and drops other binary frames', async () => {
      const raw = await RawOcppSocket.open(server.wsUrl, 'CS-BINARY');
      raw.socket.send(Buffer.from('\u0000\u0001 not even text'), { binary: true });
      raw.socket.send(Buffer.from('[2,"bin","Heartbeat",{}]'), { binary: true });
      const answer = await raw.next();
      expect(answer.slice(0, 3)).toEqual([4, 'bin', 'FormationViolation']);
      expect(answer[3]).toMatch(/text frames/);
      expect((await raw.exchange('[2,"text","Heartbeat",{}]')).slice(0, 2)).toEqual([3, 'text']);
      raw.close();
    });

    it('refuses CALLs beyond the message rate with GenericError, and serves the station again once it slows down', async () => {
      const raw = await RawOcppSocket.open(server.wsUrl, 'CS-FLOOD');
      const sent = 300;
      for (let n = 0; n < sent; n++) raw.socket.send(`[2,"f${n}","Heartbeat",{}]`);
      const answers = await Promise.all(Array.from({ length: sent }, () => raw.next(20_000)));
      const refused = answers.filter((answer) => answer[0] === 4);
      // 50 a second, bursts of 100: most of a flood of 300 sent at once is refused, not all of it.
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.length).toBeLessThan(sent);
      expect(new Set(refused.map((answer) => answer[2]))).toEqual(new Set(['GenericError']));
      expect(refused[0][3]).toMatch(/More than 50 messages a second on this connection/);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await raw.exchange('[2,"calm","Heartbeat",{}]')).slice(0, 2)).toEqual([3, 'calm']);
      expect(raw.closed).toBe(false);
      raw.close();
    });

    it('lets a reconnecting station replace its previous connection and stay online', async () => {
      const first = await connectStation(server.wsUrl, 'CS-TWICE');
      // A station's CALLs are served once its connection is recorded: the answer means it is.
      await first.call('Heartbeat', {});
      const firstClosed = new Promise((resolve) => first.once('close', resolve));
      const second = await connectStation(server.wsUrl, 'CS-TWICE');
      await firstClosed;
      await second.call('Heartbeat', {});
      second.handle('ClearCache', async () => ({ status: 'Accepted' }));
      const { clearCache } = await admin.data<{ clearCache: { status: string } }>(
        'mutation { clearCache(chargingStationId: "CS-TWICE") { status } }',
      );
      expect(clearCache.status).toBe('Accepted');
      const { chargingStation } = await admin.data<{ chargingStation: { online: boolean } }>(
        '{ chargingStation(id: "CS-TWICE") { online } }',
      );
      expect(chargingStation.online).toBe(true);
      await second.close();
    });
  });

  describe('the OCPP message log', () => {
    it('lists the calls of a station with their answers for admins, newest first', async () => {
      const station = await connectStation(server.wsUrl, 'CS-LOG', { strict: false });
      await station.call('Heartbeat', {});
      await station.call('Authorize', { idTag: 'A'.repeat(21) }).catch(() => undefined);
      await station.close();
      type Node = {
        direction: string;
        messageType: string;
        action: string;
        messageId: string;
        sizeBytes: number;
        answerType: string | null;
        answerSizeBytes: number | null;
        latencyMs: number | null;
        errorCode: string | null;
      };
      type Page = {
        ocppMessages: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: Node }[];
        };
      };
      const query =
        'query($after: String) { ocppMessages(chargingStationId: "CS-LOG", first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { direction messageType action messageId sizeBytes answerType answerSizeBytes latencyMs errorCode } } } }';
      const first = await eventually(
        () => admin.data<Page>(query),
        (page) => page.ocppMessages.totalCount === 2,
      );
      expect(first.ocppMessages.pageInfo.hasNextPage).toBe(true);
      const second = await admin.data<Page>(query, { after: first.ocppMessages.pageInfo.endCursor });
      expect(second.ocppMessages.pageInfo.hasNextPage).toBe(false);
      const [authorize, heartbeat] = [...first.ocppMessages.edges, ...second.ocppMessages.edges].map(
        (edge) => edge.node,
      );
      expect(heartbeat).toEqual(
        expect.objectContaining({
          direction: 'IN',
          messageType: 'CALL',
          action: 'Heartbeat',
          answerType: 'CALLRESULT',
          errorCode: null,
        }),
      );
      expect(authorize).toEqual(
        expect.objectContaining({
          direction: 'IN',
          messageType: 'CALL',
          action: 'Authorize',
          answerType: 'CALLERROR',
          errorCode: 'PropertyConstraintViolation',
        }),
      );
      for (const node of [heartbeat, authorize]) {
        expect(node.messageId).toEqual(expect.any(String));
        expect(node.latencyMs).toBeGreaterThanOrEqual(0);
        expect(node.sizeBytes).toBeGreaterThan(10);
        expect(node.answerSizeBytes).toBeGreaterThan(10);
      }
    });

    it("keeps a station's MeterValues as one row per run, found by any of its message ids", async () => {
      const station = await connectStation(server.wsUrl, 'CS-RUN', { strict: false });
      const meterValues = (wh: number) => ({
        connectorId: 1,
        meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(wh) }] }],
      });
      for (const wh of [100, 200, 300]) await station.call('MeterValues', meterValues(wh));
      await station.call('Heartbeat', {});
      await station.call('MeterValues', meterValues(400));
      await station.call('MeterValues', { connectorId: 'one', meterValue: [] }).catch(() => undefined);
      await station.close();
      type Node = {
        id: string;
        action: string;
        answerType: string;
        count: number;
        messageId: string;
        messageIds: string[] | null;
        timestamp: string;
        lastTimestamp: string | null;
        sizeBytes: number;
      };
      type Page = { ocppMessages: { edges: { node: Node }[] } };
      const fields = 'id action answerType count messageId messageIds timestamp lastTimestamp sizeBytes';
      const { ocppMessages } = await eventually(
        () =>
          admin.data<Page>(`{ ocppMessages(chargingStationId: "CS-RUN") { edges { node { ${fields} } } } }`),
        (page) => page.ocppMessages.edges.length === 4,
      );
      const [refused, single, heartbeat, run] = ocppMessages.edges.map((edge) => edge.node);
      expect(
        [refused, single, heartbeat, run].map((node) => `${node.action} ${node.answerType} ${node.count}`),
      ).toEqual([
        'MeterValues CALLERROR 1',
        'MeterValues CALLRESULT 1',
        'Heartbeat CALLRESULT 1',
        'MeterValues CALLRESULT 3',
      ]);
      expect(single.messageIds).toBeNull();
      expect(single.lastTimestamp).toBeNull();
      expect(run.messageIds).toHaveLength(3);
      expect(new Set(run.messageIds).size).toBe(3);
      expect(run.messageIds![0]).toBe(run.messageId);
      expect(Date.parse(run.lastTimestamp!)).toBeGreaterThanOrEqual(Date.parse(run.timestamp));
      expect(run.sizeBytes).toBeGreaterThan(2 * single.sizeBytes);
      const byLaterId = await admin.data<Page>(
        'query($id: String) { ocppMessages(messageId: $id) { edges { node { id count } } } }',
        { id: run.messageIds![2] },
      );
      expect(byLaterId.ocppMessages.edges.map((edge) => edge.node)).toEqual([{ id: run.id, count: 3 }]);
    });

    it("never shows another tenant's frames", async () => {
      const acmeAdmin = await new GraphQLClient(server.httpUrl).login(
        'boss@acme.test',
        'Acme-Pass-123',
        'acme',
      );
      const { ocppMessages } = await acmeAdmin.data<{ ocppMessages: { totalCount: number } }>(
        '{ ocppMessages { totalCount } }',
      );
      expect(ocppMessages.totalCount).toBe(0);
    });

    it('is not for basic users', async () => {
      const basic = (await createUserAndLogin(admin, 'BASIC')).client;
      expect(await basic.errorCode('{ ocppMessages { totalCount } }')).toBe('FORBIDDEN');
    });
  });
});
