import { OcpiError } from './ocpi-error';
import { lastUpdatedFilter, nextLink, paginationHeaders, parseListQuery } from './pagination';

describe('OCPI pagination', () => {
  it('reads the filters and caps the limit at ours', () => {
    const query = parseListQuery(
      { date_from: '2024-01-01T00:00:00Z', date_to: '2024-01-02T00:00:00', offset: '10', limit: '5000' },
      100,
    );
    expect(query).toEqual({
      dateFrom: new Date('2024-01-01T00:00:00Z'),
      dateTo: new Date('2024-01-02T00:00:00Z'),
      offset: 10,
      limit: 100,
    });
  });

  it('answers a malformed or missing required filter with 2001', () => {
    expect(() => parseListQuery({ offset: '-1' }, 100)).toThrow(OcpiError);
    expect(() => parseListQuery({ date_from: 'yesterday' }, 100)).toThrow(/date_from/);
    expect(() => parseListQuery({}, 100, { dateFromRequired: true })).toThrow(/date_from is required/);
  });

  it('filters date_from inclusive and date_to exclusive', () => {
    const from = new Date('2024-01-01T00:00:00Z');
    const to = new Date('2024-01-02T00:00:00Z');
    expect(lastUpdatedFilter({ dateFrom: from, dateTo: to, offset: 0, limit: 10 })).toEqual({
      lastUpdated: { $gte: from, $lt: to },
    });
    expect(lastUpdatedFilter({ offset: 0, limit: 10 })).toEqual({});
  });

  it('links the next page with the same filters, and not from the last page', () => {
    const query = { dateFrom: new Date('2024-01-01T00:00:00Z'), offset: 0, limit: 2 };
    const headers = paginationHeaders('http://x/ocpi/t/2.2.1/cpo/locations', query, 2, 5, 100);
    expect(headers['X-Total-Count']).toBe('5');
    expect(headers['X-Limit']).toBe('100');
    expect(nextLink(headers.Link)).toBe(
      'http://x/ocpi/t/2.2.1/cpo/locations?date_from=2024-01-01T00%3A00%3A00.000Z&offset=2&limit=2',
    );
    expect(paginationHeaders('http://x', { offset: 4, limit: 2 }, 1, 5, 100).Link).toBeUndefined();
  });
});
