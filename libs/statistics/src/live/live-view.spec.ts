import { LiveSession, LiveState, LiveStation } from './live-state';
import { liveView } from './live-view';

const station = (
  id: string,
  siteId: string | undefined,
  siteAreaId: string | undefined,
  status = 'Charging',
): LiveStation => ({
  id,
  siteId,
  siteAreaId,
  online: true,
  connectors: [{ connectorId: 1, status }],
});

const session = (id: string, chargingStationId: string, userId?: string): LiveSession => ({
  id,
  chargingStationId,
  connectorId: 1,
  userId,
  startedAt: new Date('2026-01-01T10:00:00Z'),
  energyWh: 0,
  watts: 0,
});

const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 1, 10, minute));

describe('live state and view', () => {
  it('takes the measured power, else the mean since the previous point', () => {
    const state = new LiveState();
    state.loaded([station('A', 'S1', 'A1')], [session('t1', 'A')]);
    state.addPoint('t1', { timestamp: at(0), cumulatedWh: 0 });
    expect(liveView(state, () => true).powerWatts).toBe(0);
    state.addPoint('t1', { timestamp: at(15), cumulatedWh: 1000 });
    expect(liveView(state, () => true).powerWatts).toBe(4000);
    state.addPoint('t1', { timestamp: at(20), cumulatedWh: 1500, instantWatts: 7200 });
    expect(liveView(state, () => true).powerWatts).toBe(7200);
    // A point of a session not open (stopped, or of another tenant) changes nothing.
    state.addPoint('t9', { timestamp: at(21), cumulatedWh: 10, instantWatts: 11_000 });
    expect(liveView(state, () => true).powerWatts).toBe(7200);
  });

  it('keeps what events said while the first load ran over what the load read', () => {
    const state = new LiveState();
    state.removeStation('C');
    state.putStation(station('A', 'S2', 'A2', 'Available'));
    state.stopSession('t1');
    state.startSession(session('t2', 'B'));
    state.loaded(
      [station('A', 'S1', 'A1', 'Charging'), station('B', 'S1', 'A1'), station('C', 'S3', 'A3')],
      [session('t1', 'A'), session('t2', 'B')],
    );
    const view = liveView(state, () => true);
    expect(view.sessionsInProgress).toBe(1);
    expect(view.sites.map((site) => site.siteId).sort()).toEqual(['S1', 'S2']);
    expect(view.connectorsByStatus).toEqual([
      { status: 'Available', count: 1 },
      { status: 'Charging', count: 1 },
    ]);
  });

  it('sums per site and area where the station stands now, for what the caller may see', () => {
    const state = new LiveState();
    state.loaded(
      [
        station('A', 'S1', 'A1'),
        station('B', 'S1', 'A2'),
        station('C', 'S2', 'A3'),
        station('D', undefined, undefined),
      ],
      [session('t1', 'A', 'u1'), session('t2', 'B'), session('t3', 'C', 'u1'), session('t4', 'D')],
    );
    ['t1', 't2', 't3', 't4'].forEach((id, i) =>
      state.addPoint(id, { timestamp: at(1), cumulatedWh: 1, instantWatts: 1000 * (i + 1) }),
    );
    const all = liveView(state, () => true);
    expect(all.powerWatts).toBe(10_000);
    expect(all.sites.map((site) => [site.siteId, site.powerWatts, site.siteAreas.length])).toEqual([
      [null, 4000, 1],
      ['S1', 3000, 2],
      ['S2', 3000, 1],
    ]);
    // Moved to another site: its session counts there.
    state.putStation(station('B', 'S2', 'A3'));
    expect(liveView(state, () => true).sites.find((site) => site.siteId === 'S2')?.powerWatts).toBe(5000);
    // A driver's own sessions only (stations carry no user).
    const own = liveView(state, (place) => place.userId === 'u1');
    expect(own).toMatchObject({ powerWatts: 4000, sessionsInProgress: 2, stationsOnline: 0 });
  });

  it('counts a station offline when its connection is gone or, over SOAP, its heartbeats stopped', () => {
    const state = new LiveState();
    const now = at(30).getTime();
    state.loaded(
      [
        { ...station('J', 'S1', 'A1'), online: false },
        { ...station('S', 'S1', 'A1'), ocppProtocol: 'soap', lastSeen: at(0), heartbeatIntervalSeconds: 60 },
        { ...station('T', 'S1', 'A1'), ocppProtocol: 'soap', lastSeen: at(29), heartbeatIntervalSeconds: 60 },
      ],
      [],
    );
    expect(liveView(state, () => true, now)).toMatchObject({ stationsOnline: 1, stationsOffline: 2 });
  });
});
