import { MAX_FILTERED_CONNECTOR_ID, stationFilterQuery } from './station-filter-query';

describe('stationFilterQuery', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('adds nothing for an empty filter', () => {
    expect(stationFilterQuery({}, 300, now)).toEqual([]);
  });

  it('searches the id, vendor and model, case-insensitively and literally', () => {
    const [query] = stationFilterQuery({ search: 'cs.1' }, 300, now);
    const [byId] = query.$or as { stationId: RegExp }[];
    expect(byId.stationId.test('depot-CS.12')).toBe(true);
    expect(byId.stationId.test('CSX1')).toBe(false);
    expect(query.$or).toHaveLength(3);
  });

  it('places by site and site area', () => {
    expect(stationFilterQuery({ siteId: 's1', siteAreaId: 'a1' }, 300, now)).toEqual([
      { siteId: 's1' },
      { siteAreaId: 'a1' },
    ]);
  });

  it('looks for the status on the station itself and on every connector up to the limit', () => {
    const [query] = stationFilterQuery({ connectorStatus: 'Faulted' }, 300, now);
    expect(query.$or).toHaveLength(MAX_FILTERED_CONNECTOR_ID + 1);
    expect(query.$or).toContainEqual({ 'connectors.0.status': 'Faulted' });
    expect(query.$or).toContainEqual({ 'connectors.2.status': 'Faulted' });
  });

  it('judges SOAP stations online by their last message within two heartbeat intervals', () => {
    const [online] = stationFilterQuery({ online: true }, 300, now);
    expect(online).toEqual({
      $or: [
        { ocppProtocol: { $ne: 'soap' }, online: true },
        { ocppProtocol: 'soap', lastSeen: { $gte: new Date(now - 600_000) } },
      ],
    });
    const [offline] = stationFilterQuery({ online: false }, 300, now);
    expect(JSON.stringify(offline)).toContain('"$lt"');
  });
});
