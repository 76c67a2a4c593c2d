import { setTimeout as sleep } from 'node:timers/promises';
import { postForFault, rawEnvelope } from '../ocpp-soap/support/soap-envelopes';
import { uniqueDatabaseUri } from '../setup/test-database';
import { GraphQLClient } from '../support/graphql-client';
import { ServerProcess } from '../support/server-process';
import { checkConservation, Conservation, expectConserved } from './support/conservation';
import { FaultFleet, until } from './support/fault-fleet';
import { FAULT_STATIONS, OUTAGE_MS } from './support/fault-scale';
import { reportScenario } from './support/reliability-report';
import { proxiedUri, singleHostOf, TcpFaultProxy } from './support/tcp-fault-proxy';

const TAG = 'FAULT-OUTAGE';

/** Runs `probe` every half second (after the previous one answered) until `deadline`. */
async function poll(deadline: number, probe: () => Promise<unknown>): Promise<void> {
  while (Date.now() < deadline) {
    await probe();
    await sleep(500);
  }
}
const WAIT_MS = 180_000;
const CS16 = 'urn://Ocpp/Cs/2015/10/';

/** What the server answered while its database was away, polled from outside as an operator would. */
interface DuringOutage {
  health: number[];
  graphqlCodes: string[];
  soapFaults: string[];
}

/**
 * The database goes away for OUTAGE_MS under load: on the embedded database of the test run, or on
 * the server MONGODB_URI names (its primary) when one is given. A TCP proxy between the server and
 * the database resets every connection and refuses new ones, as a stopped database does.
 */
describe('faults: a database outage under load is answered with errors, recovered by itself, and loses nothing', () => {
  const databaseUri = uniqueDatabaseUri('fault_outage');
  let proxy: TcpFaultProxy;
  let server: ServerProcess;
  let admin: GraphQLClient;
  let fleet: FaultFleet;
  let conservation: Conservation;
  const during: DuringOutage = { health: [], graphqlCodes: [], soapFaults: [] };
  const timing = { recoveredAfterMs: 0 };
  let errorsBefore: Record<string, number> = {};

  beforeAll(async () => {
    proxy = await TcpFaultProxy.start(singleHostOf(databaseUri));
    server = await ServerProcess.start({ env: { MONGODB_URI: proxiedUri(databaseUri, proxy) } });
    ({ fleet, admin } = await FaultFleet.startAgainst(server, {
      stations: FAULT_STATIONS,
      idPrefix: 'OUTAGE',
      tagId: TAG,
    }));
    // A SOAP station known to the server before the outage (its admission is then remembered).
    expect((await soapStatus('2000-01-01T00:00:00.000Z')).status).toBe(200);
  }, WAIT_MS);

  afterAll(async () => {
    await fleet?.close();
    await server?.stop();
    await proxy?.close();
  });

  function soapStatus(timestamp: string): Promise<{ status: number; body: string; subcode?: string }> {
    return postForFault(
      `${server.httpUrl}/ocpp/soap/default/1.6`,
      rawEnvelope({
        chargeBoxIdentity: 'OUTAGE-SOAP',
        namespace: CS16,
        action: '/StatusNotification',
        body:
          `<cs:statusNotificationRequest xmlns:cs="${CS16}"><cs:connectorId>1</cs:connectorId>` +
          `<cs:status>Available</cs:status><cs:errorCode>NoError</cs:errorCode>` +
          `<cs:timestamp>${timestamp}</cs:timestamp></cs:statusNotificationRequest>`,
      }),
    );
  }

  it(
    `answers CALLERRORs, SOAP Faults, 503 and SERVICE_UNAVAILABLE while the database is away (${OUTAGE_MS / 1000} s), and does not crash`,
    async () => {
      await until(
        'every station charging with two meter values acknowledged',
        () => fleet.everyStationHasMeterValues(2),
        WAIT_MS,
      );
      errorsBefore = fleet.callErrors();
      await proxy.cut();
      const deadline = Date.now() + OUTAGE_MS;
      // Each polled on its own: a request waiting for the database does not hold up the others.
      await Promise.all([
        poll(deadline, async () => during.health.push(await server.healthStatus())),
        poll(deadline, async () => {
          const result = await admin.request('{ chargingStations(first: 1) { totalCount } }');
          during.graphqlCodes.push(result.errors?.[0]?.extensions?.code ?? 'none');
        }),
        poll(deadline, async () => {
          const soap = await soapStatus(new Date().toISOString());
          during.soapFaults.push(`${soap.status} ${soap.subcode ?? soap.body.slice(0, 80)}`);
        }),
      ]);
      expect(server.alive).toBe(true);
      // The first polls may have been answered from memory (a cached login) or before the pool noticed;
      // from then on, errors, not answers.
      expect(during.health).toContain(503);
      expect(during.health.filter((status) => status !== 503 && status !== 200)).toEqual([]);
      expect(during.graphqlCodes).toContain('SERVICE_UNAVAILABLE');
      expect(during.graphqlCodes.filter((code) => !['SERVICE_UNAVAILABLE', 'none'].includes(code))).toEqual(
        [],
      );
      expect(during.soapFaults).toContain('500 ocpp:InternalError');
      const errors = fleet.callErrors();
      expect(Object.keys(errors)).toEqual(['InternalError']);
      for (const version of ['1.6', '2.0.1'] as const) {
        expect(fleet.callErrors(version).InternalError ?? 0).toBeGreaterThan(0);
      }
    },
    WAIT_MS + OUTAGE_MS,
  );

  it(
    'recovers by itself once the database is back: healthy, GraphQL answers, stations charge on',
    async () => {
      await proxy.restore();
      const restoredAt = Date.now();
      while ((await server.healthStatus()) !== 200) {
        if (Date.now() - restoredAt > WAIT_MS) throw new Error('Not healthy again after the outage');
        await sleep(200);
      }
      timing.recoveredAfterMs = Date.now() - restoredAt;
      const { chargingStations } = await admin.data<{ chargingStations: { totalCount: number } }>(
        '{ chargingStations(first: 1) { totalCount } }',
      );
      expect(chargingStations.totalCount).toBeGreaterThanOrEqual(FAULT_STATIONS);
      const acknowledgedAtRecovery = fleet.acknowledged;
      await until(
        'charging on after the outage',
        () => fleet.acknowledged > acknowledgedAtRecovery + FAULT_STATIONS,
        WAIT_MS,
      );
      await fleet.finish(WAIT_MS);
      expect(server.alive).toBe(true);
    },
    3 * WAIT_MS,
  );

  it('stores every frame acknowledged before, during and after the outage exactly once', async () => {
    expect(fleet.pending).toBe(0);
    conservation = await checkConservation(databaseUri, fleet.stations);
    expectConserved(conservation);
  });

  afterAll(async () => {
    if (!conservation) return;
    const errors = fleet.callErrors();
    const count = (values: (string | number)[], value: string | number) =>
      values.filter((entry) => entry === value).length;
    await reportScenario({
      id: 'database-outage',
      title: `Database outage of ${OUTAGE_MS / 1000} s under load`,
      description:
        'Stations charge as in the crash scenario; then every connection between the server and its ' +
        'database is reset and new ones are refused (a TCP proxy stands between them) for the outage, ' +
        'while /health, a GraphQL query and an OCPP-S StatusNotification are polled. Then the database is ' +
        'reachable again; nobody restarts anything. The stations send again what was refused, charge on ' +
        'and end their sessions. On the embedded database of the test run, or on the server MONGODB_URI ' +
        'names. (`test/faults/database-outage.e2e-spec.ts`)',
      conservation,
      figures: [
        [
          'CALLERRORs during the outage (InternalError), 1.6-J / 2.0.1-J',
          `${fleet.callErrors('1.6').InternalError ?? 0} / ${fleet.callErrors('2.0.1').InternalError ?? 0}`,
        ],
        [
          'Other CALLERROR codes',
          JSON.stringify(
            Object.fromEntries(Object.entries(errors).filter(([code]) => code !== 'InternalError')),
          ),
        ],
        ['CALLERRORs before the outage', JSON.stringify(errorsBefore)],
        [
          '/health polls during the outage: 503 / 200',
          `${count(during.health, 503)} / ${count(during.health, 200)}`,
        ],
        [
          'GraphQL polls during the outage: SERVICE_UNAVAILABLE / answered',
          `${count(during.graphqlCodes, 'SERVICE_UNAVAILABLE')} / ${count(during.graphqlCodes, 'none')}`,
        ],
        [
          'OCPP-S polls during the outage: Fault InternalError (HTTP 500)',
          count(during.soapFaults, '500 ocpp:InternalError'),
        ],
        ['Healthy again after the database came back (s)', (timing.recoveredAfterMs / 1000).toFixed(1)],
        ['Server restarts', 0],
      ],
    });
  });
});
