import { readConnectorFault, readStationConnectivity } from './station-event';

describe('station event payloads', () => {
  const connector = (status: string, errorCode?: string) => ({ connectorId: 2, status, errorCode });

  it('reads a connector that newly faulted, with its error code', () => {
    expect(
      readConnectorFault({
        chargingStationId: 'CS',
        connector: connector('Faulted', 'GroundFailure'),
        previousStatus: 'Charging',
      }),
    ).toEqual({ chargingStationId: 'CS', connectorId: 2, errorCode: 'GroundFailure' });
    expect(readConnectorFault({ chargingStationId: 'CS', connector: connector('Faulted') })?.errorCode).toBe(
      'OtherError',
    );
  });

  it('ignores other statuses, repeated faults and foreign payloads', () => {
    expect(readConnectorFault({ chargingStationId: 'CS', connector: connector('Available') })).toBeNull();
    expect(
      readConnectorFault({
        chargingStationId: 'CS',
        connector: connector('Faulted'),
        previousStatus: 'Faulted',
      }),
    ).toBeNull();
    expect(readConnectorFault({ connector: connector('Faulted') })).toBeNull();
    expect(readConnectorFault(undefined)).toBeNull();
  });

  it('reads a station’s connectivity', () => {
    expect(readStationConnectivity({ id: 'CS', online: false, lastSeen: '2026-03-01T08:00:00Z' })).toEqual({
      chargingStationId: 'CS',
      online: false,
      lastSeen: new Date('2026-03-01T08:00:00Z'),
    });
    expect(readStationConnectivity({ id: 'CS' })).toBeNull();
  });

  it('reads the presence check’s offline transition, only for an offline station', () => {
    expect(readStationConnectivity({ id: 'CS', online: false, wentOffline: true })?.wentOffline).toBe(true);
    expect(readStationConnectivity({ id: 'CS', online: true, wentOffline: true })).not.toHaveProperty(
      'wentOffline',
    );
  });
});
