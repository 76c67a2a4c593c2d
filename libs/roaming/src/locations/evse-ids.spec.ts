import { emi3EvseId, evseUid } from './evse-ids';

describe('EVSE ids', () => {
  it('gives each connector of a station a readable, stable uid', () => {
    expect(evseUid('CS-001', 2)).toBe('CS-001*2');
    const long = 'a-station-with-a-name-far-longer-than-thirty-six-characters';
    expect(evseUid(long, 1)).toMatch(/^H[0-9a-f]{24}\*1$/);
    expect(evseUid(long, 1)).toBe(evseUid(long, 1));
    expect(evseUid('stätion', 1)).toMatch(/^H/);
  });

  it('builds eMI3 EVSE ids from the tenant country, party and the station', () => {
    expect(emi3EvseId('de', 'vgc', 'CS-001', 2)).toBe('DE*VGC*ECS001*2');
    const id = emi3EvseId('DE', 'VGC', 'X'.repeat(80), 12);
    expect(id.length).toBe(48);
    expect(id).toMatch(/^DE\*VGC\*EX+\*12$/);
  });
});
