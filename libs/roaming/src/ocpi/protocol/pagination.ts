import { OcpiError } from './ocpi-error';
import { LINK, X_LIMIT, X_TOTAL_COUNT } from './ocpi-headers';
import { parseOcpiDateTime } from './ocpi-datetime';

/** A GET list's filters (transport_and_format: Paginated Request). */
export interface OcpiListQuery {
  /** Inclusive: objects with last_updated ≥ date_from. */
  dateFrom?: Date;
  /** Exclusive: objects with last_updated < date_to. */
  dateTo?: Date;
  offset: number;
  /** What will be returned at most: the asked limit, capped by ours (X-Limit). */
  limit: number;
}

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return single(value[0]);
  return typeof value === 'string' ? value : undefined;
}

function dateParameter(query: Record<string, unknown>, name: string): Date | undefined {
  const raw = single(query[name]);
  if (raw === undefined) return undefined;
  const date = parseOcpiDateTime(raw);
  if (!date) throw OcpiError.invalidParameters(`${name} must be an RFC 3339 date-time, got "${raw}"`);
  return date;
}

function intParameter(query: Record<string, unknown>, name: string, fallback: number): number {
  const raw = single(query[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw))
    throw OcpiError.invalidParameters(`${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

/** Reads date_from, date_to, offset and limit; a malformed one is a 2001. */
export function parseListQuery(
  query: Record<string, unknown>,
  maxLimit: number,
  options: { dateFromRequired?: boolean } = {},
): OcpiListQuery {
  const dateFrom = dateParameter(query, 'date_from');
  if (options.dateFromRequired && !dateFrom) throw OcpiError.invalidParameters('date_from is required');
  const dateTo = dateParameter(query, 'date_to');
  const offset = intParameter(query, 'offset', 0);
  const limit = Math.min(intParameter(query, 'limit', maxLimit), maxLimit);
  return { dateFrom, dateTo, offset, limit };
}

/** The MongoDB filter on `field` for the query's window: date_from inclusive, date_to exclusive. */
export function lastUpdatedFilter(query: OcpiListQuery, field = 'lastUpdated'): Record<string, unknown> {
  if (!query.dateFrom && !query.dateTo) return {};
  return {
    [field]: {
      ...(query.dateFrom ? { $gte: query.dateFrom } : {}),
      ...(query.dateTo ? { $lt: query.dateTo } : {}),
    },
  };
}

/**
 * X-Total-Count, X-Limit (our cap, not the number returned) and, unless this is the last page, a Link
 * to the next one carrying the same filters.
 */
export function paginationHeaders(
  url: string,
  query: OcpiListQuery,
  returned: number,
  total: number,
  maxLimit: number,
): Record<string, string> {
  const headers: Record<string, string> = { [X_TOTAL_COUNT]: String(total), [X_LIMIT]: String(maxLimit) };
  const nextOffset = query.offset + returned;
  if (returned > 0 && nextOffset < total) {
    const next = new URLSearchParams();
    if (query.dateFrom) next.set('date_from', query.dateFrom.toISOString());
    if (query.dateTo) next.set('date_to', query.dateTo.toISOString());
    next.set('offset', String(nextOffset));
    next.set('limit', String(query.limit));
    headers[LINK] = `<${url}?${next.toString()}>; rel="next"`;
  }
  return headers;
}

/** The URL of the `rel="next"` link of a Link header, if any. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part.trim());
    if (match) return match[1];
  }
  return undefined;
}
