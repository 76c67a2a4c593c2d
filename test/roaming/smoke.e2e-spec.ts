import { RPCClient } from 'ocpp-rpc';
import { OcpiPeer } from '../support/ocpi-peer';
import { eventually } from '../support/users';
import { RoamingTenant, bootStation16, registerWith, startRoamingTenant } from './support/roaming-fixture';

describe('smoke', () => {
  let tenant: RoamingTenant;
  let peer: OcpiPeer;
  let station: RPCClient;

  beforeAll(async () => {
    tenant = await startRoamingTenant('ocpi-smoke', {
      ROAMING_OUTBOX_RETRY_BASE_MS: '200',
      OCPI_SESSION_UPDATE_SECONDS: '0',
    });
    station = await bootStation16(tenant, 'SMOKE-1', 2);
    peer = await OcpiPeer.start({ role: 'emsp', versions: ['2.2.1'] });
  });

  afterAll(async () => {
    await station?.close();
    await peer?.stop();
    await tenant?.app.close();
  });

  it('token push, authorize, session', async () => {
    await registerWith(tenant.admin, peer, 'EMSP');
    await peer.seed('tokens', [
      {
        country_code: 'NL',
        party_id: 'EXW',
        uid: 'TOKEN-1',
        type: 'RFID',
        contract_id: 'NL-EXW-C1',
        issuer: 'Peer',
        valid: true,
        whitelist: 'ALWAYS',
        last_updated: '2024-01-01T00:00:00Z',
      },
    ]);
    console.log(JSON.stringify(await peer.push('tokens', 'TOKEN-1')));
    console.log(
      JSON.stringify(
        await tenant.admin.request('{ ocpiTokens { edges { node { uid whitelist partyId } } } }'),
      ),
    );
    console.log(JSON.stringify(await station.call('Authorize', { idTag: 'TOKEN-1' })));
    const start = (await station.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TOKEN-1',
      meterStart: 1000,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    console.log(JSON.stringify(start));
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [
        {
          timestamp: new Date().toISOString(),
          sampledValue: [{ value: '3000', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    });
    await station.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop: 5000,
      timestamp: new Date().toISOString(),
    });
    station.handle('RemoteStartTransaction', async () => ({ status: 'Accepted' }));
    const location = Object.values((await peer.state()).locations)[0];
    const command = await peer.command('START_SESSION', {
      token: { country_code: 'NL', party_id: 'EXW', uid: 'APP-1', type: 'APP_USER', contract_id: 'NL-EXW-C2', issuer: 'Peer', valid: true, whitelist: 'NEVER', last_updated: '2024-01-01T00:00:00Z' },
      location_id: location.id, evse_uid: 'SMOKE-1*2',
    });
    console.log(JSON.stringify(command));
    console.log(JSON.stringify((await eventually(() => peer.state(), (s) => Object.keys(s.commands).length > 0, 10000)).commands));
    const state = await eventually(
      () => peer.state(),
      (s) => s.received.some((r) => r.path.includes('sessions') && r.body?.status === 'COMPLETED'),
      15000,
    ).catch((e) => {
      console.log(e);
      return peer.state();
    });
    console.log(
      JSON.stringify(
        state.received.filter((r) => r.path.includes('sessions')),
        null,
        1,
      ),
    );
    console.log(
      JSON.stringify(
        await tenant.admin.request('{ roamingOutbox { edges { node { kind status lastError attempts } } } }'),
        null,
        2,
      ),
    );
  });
});
