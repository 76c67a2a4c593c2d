import { textContains } from '@csms/common';
import { FilterQuery } from 'mongoose';
import { ChargingStationFilter } from './dto/charging-station-filter.input';
import { ChargingStationDocument } from './schemas/charging-station.schema';
import { soapOnlineGraceMs } from './station-online';

/**
 * Connectors are stored as an object keyed by id, which no portable query can search by value
 * (MongoDB and FerretDB alike): a status filter names each key, the station itself (0) up to this.
 */
export const MAX_FILTERED_CONNECTOR_ID = 16;

type StationQuery = FilterQuery<ChargingStationDocument>;

/**
 * The database query for a station list filter. A SOAP station's online state is computed from its
 * last message (see isOnline); here it is judged against the heartbeat interval stations are given.
 */
export function stationFilterQuery(
  filter: ChargingStationFilter,
  heartbeatIntervalSeconds: number,
  now = Date.now(),
): StationQuery[] {
  const conditions: StationQuery[] = [];
  if (filter.search) {
    const pattern = textContains(filter.search);
    conditions.push({ $or: [{ stationId: pattern }, { vendor: pattern }, { model: pattern }] });
  }
  if (filter.siteId) conditions.push({ siteId: filter.siteId });
  if (filter.siteAreaId) conditions.push({ siteAreaId: filter.siteAreaId });
  if (filter.connectorStatus) {
    const status = filter.connectorStatus;
    conditions.push({
      $or: Array.from({ length: MAX_FILTERED_CONNECTOR_ID + 1 }, (_, id) => ({
        [`connectors.${id}.status`]: status,
      })),
    });
  }
  if (filter.online !== undefined && filter.online !== null) {
    const recent = new Date(now - soapOnlineGraceMs(heartbeatIntervalSeconds));
    conditions.push(
      filter.online
        ? {
            $or: [
              { ocppProtocol: { $ne: 'soap' }, online: true },
              { ocppProtocol: 'soap', lastSeen: { $gte: recent } },
            ],
          }
        : {
            $or: [
              { ocppProtocol: { $ne: 'soap' }, online: { $ne: true } },
              { ocppProtocol: 'soap', $or: [{ lastSeen: { $lt: recent } }, { lastSeen: null }] },
            ],
          },
    );
  }
  return conditions;
}
