/** What the live view keeps of a station: where it stands, whether it is reachable, its connectors. */
export interface LiveStation {
  id: string;
  siteId?: string;
  siteAreaId?: string;
  online: boolean;
  ocppProtocol?: string;
  lastSeen?: Date;
  heartbeatIntervalSeconds?: number;
  /** Connector 0: the station itself. */
  status?: string;
  connectors: { connectorId: number; status: string }[];
}

/** A session in progress: where it charges and what it draws now. */
export interface LiveSession {
  id: string;
  chargingStationId: string;
  connectorId: number;
  userId?: string;
  startedAt: Date;
  energyWh: number;
  /** W at the last meter value (measured, or the mean since the one before); 0 until one arrives. */
  watts: number;
  /** The last meter value's time and cumulated energy, for the mean power when no power is measured. */
  lastPointAt?: Date;
  lastPointWh?: number;
}

export interface LivePoint {
  timestamp: Date;
  cumulatedWh: number;
  instantWatts?: number;
}

/**
 * One tenant's stations and open sessions, as events report them (no database read after the first
 * load). Changes arriving while the first load runs win over what it read, and sessions stopped
 * meanwhile stay stopped.
 */
export class LiveState {
  private readonly stations = new Map<string, LiveStation>();
  private readonly sessions = new Map<string, LiveSession>();
  /** While loading: what events changed, so the load does not bring back an older state. */
  private touched: { stations: Set<string>; sessions: Set<string> } | null = {
    stations: new Set(),
    sessions: new Set(),
  };

  putStation(station: LiveStation): void {
    this.touched?.stations.add(station.id);
    this.stations.set(station.id, station);
  }

  removeStation(id: string): void {
    this.touched?.stations.add(id);
    this.stations.delete(id);
  }

  startSession(session: LiveSession): void {
    this.touched?.sessions.add(session.id);
    const known = this.sessions.get(session.id);
    this.sessions.set(session.id, known ? { ...session, watts: known.watts } : session);
  }

  /** New energy so far (TransactionUpdated): a session not known yet is learnt from it. */
  progress(session: LiveSession): void {
    const known = this.sessions.get(session.id);
    if (known) known.energyWh = session.energyWh;
    else this.startSession(session);
  }

  stopSession(id: string): void {
    this.touched?.sessions.add(id);
    this.sessions.delete(id);
  }

  /** A curve point of an open session: its power now. */
  addPoint(sessionId: string, point: LivePoint): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    session.watts = point.instantWatts ?? meanWatts(session, point) ?? session.watts;
    session.lastPointAt = point.timestamp;
    session.lastPointWh = point.cumulatedWh;
    session.energyWh = Math.max(session.energyWh, point.cumulatedWh);
  }

  /** The first load's result, merged under what events said since it started. */
  loaded(stations: readonly LiveStation[], sessions: readonly LiveSession[]): void {
    const touched = this.touched;
    this.touched = null;
    for (const station of stations) {
      if (!touched?.stations.has(station.id)) this.stations.set(station.id, station);
    }
    for (const session of sessions) {
      if (!touched?.sessions.has(session.id)) this.sessions.set(session.id, session);
    }
  }

  stationOf(id: string): LiveStation | undefined {
    return this.stations.get(id);
  }

  allStations(): IterableIterator<LiveStation> {
    return this.stations.values();
  }

  allSessions(): IterableIterator<LiveSession> {
    return this.sessions.values();
  }
}

/** The mean power since the previous point, when the station measured energy only. */
function meanWatts(session: LiveSession, point: LivePoint): number | undefined {
  if (!session.lastPointAt || session.lastPointWh === undefined) return undefined;
  const hours = (point.timestamp.getTime() - session.lastPointAt.getTime()) / 3_600_000;
  if (hours <= 0) return undefined;
  return Math.max(0, (point.cumulatedWh - session.lastPointWh) / hours);
}
