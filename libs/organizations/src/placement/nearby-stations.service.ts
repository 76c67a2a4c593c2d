import { AppAbility, Principal, accessibleQuery } from '@csms/auth';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '@csms/common';
import { STATION_FIELD_NAMES, StationPlacementService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { boundingBox, haversineMeters } from '../geo/geo-math';
import { SiteRepository } from '../sites/site.repository';
import { NearbyStationsArgs } from './dto/nearby-stations.args';
import { NearbyChargingStationConnection } from './models/nearby-charging-station-connection.model';

interface Candidate {
  id: string;
  distanceMeters: number;
}

/**
 * Stations within a radius, nearest first. A station is where its site is. FerretDB 1.24 has no
 * $geoNear or 2dsphere index, so the database only prefilters sites by a bounding box (an index
 * range on latitude); the exact great-circle distance (haversine) is computed here, and the page
 * is cut in memory after sorting by (distance, station id), which is also what the cursor holds.
 * The candidates are ids and distances only; full stations are loaded for the page alone.
 */
@Injectable()
export class NearbyStationsService {
  constructor(
    private readonly sites: SiteRepository,
    private readonly stations: StationPlacementService,
  ) {}

  async page(
    principal: Principal,
    ability: AppAbility,
    args: NearbyStationsArgs,
  ): Promise<NearbyChargingStationConnection> {
    const { tenantId } = principal;
    const center = { latitude: args.latitude, longitude: args.longitude };
    const distances = new Map<string, number>();
    for (const site of await this.sites.locatedIn(tenantId, boundingBox(center, args.radiusMeters))) {
      const distance = haversineMeters(center, site);
      if (distance <= args.radiusMeters) distances.set(site.id, distance);
    }
    const accessible = accessibleQuery(ability, 'list', 'ChargingStation', STATION_FIELD_NAMES);
    const placed = distances.size
      ? await this.stations.inSites(tenantId, [...distances.keys()], accessible)
      : [];
    const candidates: Candidate[] = placed
      .map((station) => ({ id: station.id, distanceMeters: distances.get(station.siteId ?? '') ?? Infinity }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const remaining = args.after ? candidates.filter(beyond(args.after)) : candidates;
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const pageCandidates = remaining.slice(0, first);
    const loaded = await this.stations.findMany(
      tenantId,
      pageCandidates.map((candidate) => candidate.id),
    );
    const byId = new Map(loaded.map((station) => [station.id, station]));
    const edges = pageCandidates.flatMap((candidate) => {
      const node = byId.get(candidate.id);
      const cursor = encodeCursor({ value: candidate.distanceMeters, id: candidate.id });
      return node ? [{ node, cursor, distanceMeters: candidate.distanceMeters }] : [];
    });
    return {
      edges,
      totalCount: candidates.length,
      pageInfo: { hasNextPage: remaining.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}

/** Candidates after the cursor's (distance, id) in the page order. */
function beyond(after: string): (candidate: Candidate) => boolean {
  const { value, id } = decodeCursor(after);
  const distance = Number(value);
  return (candidate) =>
    candidate.distanceMeters > distance || (candidate.distanceMeters === distance && candidate.id > id);
}
