import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { RPCClient } from 'ocpp-rpc';
import { Json } from '../../support/ocpi-peer';
import { GraphQLClient, loginAsAdmin } from '../../support/graphql-client';
import { connectStation } from '../../support/ocpp-station';
import { TestApp, startTestApp } from '../../support/test-app';
import { createUserAndLogin } from '../../support/users';
import {
  createCompany,
  createSite,
  createSiteArea,
  createStationIn,
} from '../../organizations/support/organizations';

export const IDENTITY = { countryCode: 'DE', partyId: 'VGC', businessName: 'Voltgrid CPO' };

/** A tenant ready to roam: a tenant admin, the roaming identity, one public site with a site area. */
export interface RoamingTenant {
  app: TestApp;
  admin: GraphQLClient;
  siteId: string;
  siteAreaId: string;
}

export async function startRoamingTenant(
  name: string,
  env: Record<string, string> = {},
): Promise<RoamingTenant> {
  const app = await startTestApp(name, env);
  const admin = (await createUserAndLogin(await loginAsAdmin(app.httpUrl), 'ADMIN')).client;
  await admin.data(
    'mutation($input: SetOcpiIdentityInput!) { setOcpiIdentity(input: $input) { countryCode } }',
    {
      input: IDENTITY,
    },
  );
  const companyId = await createCompany(admin, 'Roaming Co');
  const siteId = await createSite(admin, companyId, 'Marktplatz', {
    public: true,
    coordinates: { latitude: 52.520008, longitude: 13.404954 },
  });
  await admin.data('mutation($input: UpdateSiteInput!) { updateSite(input: $input) { id } }', {
    input: {
      id: siteId,
      timeZone: 'Europe/Berlin',
      address: { street: 'Marktplatz 1', city: 'Berlin', postalCode: '10178', country: 'DE' },
    },
  });
  const siteAreaId = await createSiteArea(admin, siteId, 'Parking');
  return { app, admin, siteId, siteAreaId };
}

/** A registered OCPP 1.6-J station in the site area, booted, its connectors reported Available. */
export async function bootStation16(tenant: RoamingTenant, id: string, connectors = 1): Promise<RPCClient> {
  await createStationIn(tenant.admin, id, tenant.siteAreaId);
  const station = await connectStation(tenant.app.wsUrl, id);
  await station.call('BootNotification', { chargePointVendor: 'Voltgrid', chargePointModel: 'Roamer' });
  for (let connectorId = 1; connectorId <= connectors; connectorId++) {
    await station.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available' });
  }
  return station;
}

/** The tenant database's collection (to check what is stored, e.g. that tokens are not in clear). */
export function collection(tenant: RoamingTenant, name: string) {
  return tenant.app.app.get<Connection>(getConnectionToken()).collection(name);
}

/** A client of the tenant's OCPI API with a token of ours, as a partner would call it. */
export async function ocpiFetch(
  tenant: RoamingTenant,
  path: string,
  options: {
    token?: string;
    base64?: boolean;
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; headers: Headers; body: Json }> {
  const token =
    options.token &&
    (options.base64 === false ? options.token : Buffer.from(options.token).toString('base64'));
  const response = await fetch(`${tenant.app.httpUrl}/ocpi/default${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Token ${token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export async function registerWith(
  admin: GraphQLClient,
  peer: { versionsUrl: string; tokenA: string },
  role: 'EMSP' | 'CPO',
  extra: Record<string, unknown> = {},
): Promise<{ id: string; status: string; version: string }> {
  const { createOcpiPartner } = await admin.data<{
    createOcpiPartner: { partner: { id: string; status: string; version: string } };
  }>(
    'mutation($input: CreateOcpiPartnerInput!) { createOcpiPartner(input: $input) { partner { id status version } } }',
    {
      input: { name: `Peer ${role}`, role, versionsUrl: peer.versionsUrl, tokenA: peer.tokenA, ...extra },
    },
  );
  return createOcpiPartner.partner;
}
