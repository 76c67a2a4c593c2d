import { RPCClient } from 'ocpp-rpc';
import { OcpiPeer } from '../support/ocpi-peer';
import { eventually } from '../support/users';
import { RoamingTenant, bootStation16, registerWith, startRoamingTenant } from './support/roaming-fixture';

describe('smoke', () => {
  let tenant: RoamingTenant;
  let peer: OcpiPeer;
  let station: RPCClient;

  beforeAll(async () => {
    tenant = await startRoamingTenant('ocpi-smoke', { ROAMING_OUTBOX_RETRY_BASE_MS: '200' });
    station = await bootStation16(tenant, 'SMOKE-1', 2);
    peer = await OcpiPeer.start({ role: 'emsp', versions: ['2.2.1'] });
  });

  afterAll(async () => {
    await station?.close();
    await peer?.stop();
    await tenant?.app.close();
  });

  it('registers, is pulled, and pushes a status', async () => {
    await registerWith(tenant.admin, peer, 'EMSP');
    const pulled = await peer.pull('locations');
    console.log(JSON.stringify(pulled, null, 2));
    await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    const state = await eventually(
      () => peer.state(),
      (s) => s.received.length > 1,
      10000,
    ).catch((e) => {
      console.log(e);
      return peer.state();
    });
    console.log(JSON.stringify(state.received, null, 2));
    console.log(
      JSON.stringify(
        await tenant.admin.request('{ roamingOutbox { edges { node { kind status lastError attempts } } } }'),
        null,
        2,
      ),
    );
  });
});
