import { GraphQLClient } from '../../support/graphql-client';

/** Builders for the organization tree over GraphQL, through an admin client. */

export async function createCompany(admin: GraphQLClient, name: string): Promise<string> {
  const { createCompany } = await admin.data<{ createCompany: { id: string } }>(
    'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }',
    { input: { name } },
  );
  return createCompany.id;
}

export interface SiteOptions {
  public?: boolean;
  timeZone?: string;
  coordinates?: { latitude: number; longitude: number };
}

export async function createSite(
  admin: GraphQLClient,
  companyId: string,
  name: string,
  options: SiteOptions = {},
): Promise<string> {
  const { createSite } = await admin.data<{ createSite: { id: string } }>(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    { input: { companyId, name, ...options } },
  );
  return createSite.id;
}

export async function createSiteArea(
  admin: GraphQLClient,
  siteId: string,
  name: string,
  parentSiteAreaId?: string,
): Promise<string> {
  const { createSiteArea } = await admin.data<{ createSiteArea: { id: string } }>(
    'mutation($input: CreateSiteAreaInput!) { createSiteArea(input: $input) { id } }',
    { input: { siteId, name, parentSiteAreaId } },
  );
  return createSiteArea.id;
}

export async function createStationIn(admin: GraphQLClient, id: string, siteAreaId?: string): Promise<void> {
  await admin.data(
    'mutation($input: CreateChargingStationInput!) { createChargingStation(input: $input) { id } }',
    {
      input: { id, siteAreaId },
    },
  );
}

/** The ids of the stations a client lists. */
export async function listedStations(client: GraphQLClient): Promise<string[]> {
  const { chargingStations } = await client.data<{ chargingStations: { edges: { node: { id: string } }[] } }>(
    '{ chargingStations(first: 100) { edges { node { id } } } }',
  );
  return chargingStations.edges.map((edge) => edge.node.id).sort();
}
