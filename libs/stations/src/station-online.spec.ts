import { isOnline } from './station-online';

describe('isOnline', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000);

  it('follows the connection for JSON stations', () => {
    expect(isOnline({ online: true, ocppProtocol: 'json', lastSeen: ago(3600) }, now)).toBe(true);
    expect(isOnline({ online: false, ocppProtocol: 'json', lastSeen: ago(1) }, now)).toBe(false);
  });

  it('follows the last message and the heartbeat interval for SOAP stations', () => {
    const soap = { online: true, ocppProtocol: 'soap', heartbeatIntervalSeconds: 300 };
    expect(isOnline({ ...soap, lastSeen: ago(599) }, now)).toBe(true);
    expect(isOnline({ ...soap, lastSeen: ago(601) }, now)).toBe(false);
    expect(isOnline({ ...soap, lastSeen: undefined }, now)).toBe(false);
  });

  it('gives SOAP stations with a short interval at least a minute', () => {
    expect(
      isOnline({ online: true, ocppProtocol: 'soap', heartbeatIntervalSeconds: 5, lastSeen: ago(59) }, now),
    ).toBe(true);
  });
});
