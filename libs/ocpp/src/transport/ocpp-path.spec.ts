import { isOcppPath, parseStationAddress } from './ocpp-path';

describe('OCPP paths', () => {
  it('owns /ocpp/ upgrades only', () => {
    expect(isOcppPath('/ocpp/default/CS-1')).toBe(true);
    expect(isOcppPath('/graphql')).toBe(false);
    expect(isOcppPath(undefined)).toBe(false);
  });

  it('reads tenant and decoded station identity', () => {
    expect(parseStationAddress('/ocpp/acme/CS%2F1?x=1')).toEqual({ tenantId: 'acme', stationId: 'CS/1' });
  });

  it('reads a registration token from the query', () => {
    expect(parseStationAddress('/ocpp/acme/CS-1?token=a%2Bb')).toEqual({
      tenantId: 'acme',
      stationId: 'CS-1',
      registrationToken: 'a+b',
    });
  });

  it.each(['/ocpp/CS-1', '/ocpp/a/b/c', '/ocpp//CS-1', '/ocpp/a/%E0%A4%A', '/other/a/b'])(
    'refuses %s',
    (url) => {
      expect(parseStationAddress(url)).toBeNull();
    },
  );
});
