import { readSessionEvent, sessionDurationMinutes, sessionEnergyWh } from './session-event';

describe('session event payloads', () => {
  it('accepts any payload with a station and connector, and nothing else', () => {
    expect(readSessionEvent({ id: 't1', chargingStationId: 'CS', connectorId: 1 })).toMatchObject({
      id: 't1',
    });
    expect(readSessionEvent({ chargingStationId: 'CS' })).toBeNull();
    expect(readSessionEvent('nope')).toBeNull();
    expect(readSessionEvent(null)).toBeNull();
  });

  it('takes energy from energyWh, else from the meter readings', () => {
    const base = { chargingStationId: 'CS', connectorId: 1 };
    expect(sessionEnergyWh({ ...base, energyWh: 5000, meterStartWh: 0, meterStopWh: 1 })).toBe(5000);
    expect(sessionEnergyWh({ ...base, meterStartWh: 1000, meterStopWh: 4500 })).toBe(3500);
    expect(sessionEnergyWh(base)).toBe(0);
  });

  it('computes the duration in minutes from ISO strings or dates', () => {
    const session = { chargingStationId: 'CS', connectorId: 1, startedAt: '2026-03-01T08:00:00Z' };
    expect(sessionDurationMinutes({ ...session, stoppedAt: new Date('2026-03-01T09:30:00Z') })).toBe(90);
    expect(sessionDurationMinutes(session, new Date('2026-03-01T08:10:00Z'))).toBe(10);
  });
});
