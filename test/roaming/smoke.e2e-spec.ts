import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { OcpiPeer } from '../support/ocpi-peer';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';

describe('smoke', () => {
  let app: TestApp;
  let admin: GraphQLClient;
  let peer: OcpiPeer;

  beforeAll(async () => {
    app = await startTestApp('ocpi-smoke');
    admin = (await createUserAndLogin(await loginAsAdmin(app.httpUrl), 'ADMIN')).client;
    await admin.data(
      'mutation { setOcpiIdentity(input: { countryCode: "DE", partyId: "VGC", businessName: "Voltgrid" }) { countryCode } }',
    );
    peer = await OcpiPeer.start({ role: 'emsp', versions: ['2.2.1'] });
  });

  afterAll(async () => {
    await peer?.stop();
    await app?.close();
  });

  it('registers', async () => {
    const result = await admin.request(
      'mutation($input: CreateOcpiPartnerInput!) { createOcpiPartner(input: $input) { tokenA versionsUrl partner { id status version countryCode partyId lastError } } }',
      { input: { name: 'Peer', role: 'EMSP', versionsUrl: peer.versionsUrl, tokenA: peer.tokenA } },
    );
    console.log(JSON.stringify(result, null, 2));
    console.log(JSON.stringify(await peer.state(), null, 2));
    console.log(peer.errors);
  });
});
