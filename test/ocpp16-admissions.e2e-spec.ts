import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { loginAsAdmin } from './support/graphql-client';
import { connectStation } from './support/ocpp-station';
import { TestApp, startTestApp } from './support/test-app';

/** A WebSocket upgrade whose outcome the test looks at later: `opened` settles when it is let in. */
function attemptUpgrade(wsUrl: string, identity: string): { socket: WebSocket; opened: Promise<void> } {
  const socket = new WebSocket(`${wsUrl}/ocpp/default/${identity}`, ['ocpp1.6']);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  opened.catch(() => undefined);
  return { socket, opened };
}

async function stillWaiting(opened: Promise<void>): Promise<boolean> {
  const outcome = await Promise.race([opened.then(() => 'open'), sleep(300).then(() => 'waiting')]);
  return outcome === 'waiting';
}

describe('admission control at the OCPP-J upgrade (OCPP_ADMISSIONS_AT_ONCE=1)', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp('ocpp_admissions', { OCPP_ADMISSIONS_AT_ONCE: '1' });
  });
  afterAll(() => server.close());

  it('holds the next upgrade until the admitted station is answered, and forgets one that hung up while waiting', async () => {
    const first = await connectStation(server.wsUrl, 'ADMIT-1');
    const second = attemptUpgrade(server.wsUrl, 'ADMIT-2');
    expect(await stillWaiting(second.opened)).toBe(true);

    await expect(
      first.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }),
    ).resolves.toMatchObject({ status: 'Accepted' });
    await expect(second.opened).resolves.toBeUndefined();

    // The second station holds the slot (no CALL yet); the third gives up while it waits.
    const third = attemptUpgrade(server.wsUrl, 'ADMIT-3');
    expect(await stillWaiting(third.opened)).toBe(true);
    third.socket.terminate();
    const fourth = attemptUpgrade(server.wsUrl, 'ADMIT-4');
    second.socket.close();
    await expect(fourth.opened).resolves.toBeUndefined();

    // Connected stations are recorded; the one that hung up while waiting never got that far.
    const admin = await loginAsAdmin(server.httpUrl);
    const { chargingStations } = await admin.data<{
      chargingStations: { edges: { node: { id: string } }[] };
    }>('{ chargingStations(first: 10) { edges { node { id } } } }');
    expect(chargingStations.edges.map((edge) => edge.node.id).sort()).toEqual([
      'ADMIT-1',
      'ADMIT-2',
      'ADMIT-4',
    ]);
    fourth.socket.close();
    await first.close();
  });
});
