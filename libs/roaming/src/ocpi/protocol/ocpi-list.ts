import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { OcpiRequestContext } from '../auth/ocpi-request';
import { OcpiAnswer } from './ocpi-answer';
import { OcpiVersion } from './ocpi-version';
import { OcpiListQuery, paginationHeaders, parseListQuery } from './pagination';

export interface OcpiListSource<T> {
  /** The interface's path below /ocpi/{tenant}/{version}, e.g. `cpo/cdrs`. */
  path: string;
  maxLimit: number;
  dateFromRequired?: boolean;
  identity: () => Promise<OcpiIdentity>;
  page: (window: OcpiListQuery) => Promise<{ items: T[]; total: number }>;
  render: (item: T, identity: OcpiIdentity, version: OcpiVersion) => unknown;
}

/**
 * A GET list of one of our Sender interfaces: the window from date_from, date_to, offset and limit,
 * one page of objects rendered for the caller's version, and the pagination headers.
 */
export async function ocpiList<T>(
  context: OcpiRequestContext,
  query: Record<string, unknown>,
  source: OcpiListSource<T>,
): Promise<OcpiAnswer> {
  const window = parseListQuery(query, source.maxLimit, { dateFromRequired: source.dateFromRequired });
  const { items, total } = await source.page(window);
  const identity = await source.identity();
  const version = context.version as OcpiVersion;
  const url = `${context.baseUrl}/${version}/${source.path}/`;
  return new OcpiAnswer(
    items.map((item) => source.render(item, identity, version)),
    { headers: paginationHeaders(url, window, items.length, total, source.maxLimit) },
  );
}
