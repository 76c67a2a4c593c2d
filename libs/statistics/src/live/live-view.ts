import { isOnline } from '@csms/stations';
import { LiveSession, LiveState, LiveStation } from './live-state';

/** Where a station stands, as the caller's ability checks it. */
export interface LivePlace {
  chargingStationId: string;
  siteId?: string;
  siteAreaId?: string;
  userId?: string;
}

export interface LiveFiguresData {
  powerWatts: number;
  sessionsInProgress: number;
  stationsOnline: number;
  stationsOffline: number;
  connectorsByStatus: { status: string; count: number }[];
}

export interface LiveAreaData extends LiveFiguresData {
  siteAreaId: string | null;
}

export interface LiveSiteData extends LiveFiguresData {
  siteId: string | null;
  siteAreas: LiveAreaData[];
}

export interface LiveViewData extends LiveFiguresData {
  sites: LiveSiteData[];
}

class Figures {
  powerWatts = 0;
  sessionsInProgress = 0;
  stationsOnline = 0;
  stationsOffline = 0;
  readonly statuses = new Map<string, number>();

  addStation(station: LiveStation, online: boolean): void {
    if (online) this.stationsOnline++;
    else this.stationsOffline++;
    for (const connector of station.connectors) {
      this.statuses.set(connector.status, (this.statuses.get(connector.status) ?? 0) + 1);
    }
  }

  addSession(session: LiveSession): void {
    this.sessionsInProgress++;
    this.powerWatts += session.watts;
  }

  data(): LiveFiguresData {
    return {
      powerWatts: Math.round(this.powerWatts * 10) / 10,
      sessionsInProgress: this.sessionsInProgress,
      stationsOnline: this.stationsOnline,
      stationsOffline: this.stationsOffline,
      connectorsByStatus: [...this.statuses]
        .map(([status, count]) => ({ status, count }))
        .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
    };
  }
}

class SiteFigures extends Figures {
  readonly areas = new Map<string | null, Figures>();

  area(siteAreaId: string | null): Figures {
    let area = this.areas.get(siteAreaId);
    if (!area) this.areas.set(siteAreaId, (area = new Figures()));
    return area;
  }
}

/**
 * The live figures of the stations and sessions `visible` lets through (the caller's ability, and a
 * site when one is asked for), in total, per site and per site area. A session counts where its
 * station stands now.
 */
export function liveView(
  state: LiveState,
  visible: (place: LivePlace) => boolean,
  now = Date.now(),
): LiveViewData {
  const total = new Figures();
  const sites = new Map<string | null, SiteFigures>();
  const siteOf = (siteId: string | null): SiteFigures => {
    let site = sites.get(siteId);
    if (!site) sites.set(siteId, (site = new SiteFigures()));
    return site;
  };
  for (const station of state.allStations()) {
    const place = placeOf(station.id, station);
    if (!visible(place)) continue;
    const online = isOnline(station, now);
    const site = siteOf(station.siteId ?? null);
    for (const figures of [total, site, site.area(station.siteAreaId ?? null)])
      figures.addStation(station, online);
  }
  for (const session of state.allSessions()) {
    const station = state.stationOf(session.chargingStationId);
    const place = { ...placeOf(session.chargingStationId, station), userId: session.userId };
    if (!visible(place)) continue;
    const site = siteOf(place.siteId ?? null);
    for (const figures of [total, site, site.area(place.siteAreaId ?? null)]) figures.addSession(session);
  }
  return {
    ...total.data(),
    sites: [...sites]
      .map(([siteId, site]) => ({
        siteId,
        ...site.data(),
        siteAreas: [...site.areas]
          .map(([siteAreaId, area]) => ({ siteAreaId, ...area.data() }))
          .sort(byPower),
      }))
      .sort(byPower),
  };
}

function placeOf(chargingStationId: string, station?: LiveStation): LivePlace {
  return { chargingStationId, siteId: station?.siteId, siteAreaId: station?.siteAreaId };
}

function byPower(a: LiveFiguresData & object, b: LiveFiguresData & object): number {
  return b.powerWatts - a.powerWatts || b.sessionsInProgress - a.sessionsInProgress;
}
