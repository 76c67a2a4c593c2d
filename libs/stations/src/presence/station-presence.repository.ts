import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { ChargingStationRepository } from '../charging-station.repository';
import { ChargingStation } from '../models/charging-station.model';
import { ChargingStationDocument } from '../schemas/charging-station.schema';

/** What decides whether a station still counts as present, read without the rest of the document. */
export interface PresenceFacts {
  stationId: string;
  ocppProtocol?: string;
  lastSeen?: Date;
  heartbeatIntervalSeconds?: number;
}

/** Stations recorded online whose last message is older than `seenBefore` (or who never sent one). */
function quietSince(seenBefore: Date): FilterQuery<ChargingStationDocument> {
  return { online: true, $or: [{ lastSeen: { $lt: seenBefore } }, { lastSeen: { $exists: false } }] };
}

/** Presence queries and writes on the charging_stations collection. */
@Injectable()
export class StationPresenceRepository extends ChargingStationRepository {
  constructor(@InjectModel(ChargingStationDocument.name) model: Model<ChargingStationDocument>) {
    super(model);
  }

  /** A page of quiet stations in station id order, after `afterStationId`. */
  async findQuiet(
    tenantId: TenantId,
    seenBefore: Date,
    limit: number,
    afterStationId?: string,
  ): Promise<PresenceFacts[]> {
    const filter = quietSince(seenBefore);
    if (afterStationId !== undefined) filter.stationId = { $gt: afterStationId };
    return this.model
      .find(this.scope(tenantId, filter), {
        _id: 0,
        stationId: 1,
        ocppProtocol: 1,
        lastSeen: 1,
        heartbeatIntervalSeconds: 1,
      })
      .sort({ stationId: 1 })
      .limit(limit)
      .lean<PresenceFacts[]>()
      .exec();
  }

  /** Records the station offline unless a message arrived meanwhile; null when it did (or it is gone). */
  setOfflineIfQuiet(
    tenantId: TenantId,
    stationId: string,
    seenBefore: Date,
  ): Promise<ChargingStation | null> {
    return this.updateOne(tenantId, { ...quietSince(seenBefore), stationId }, { $set: { online: false } });
  }
}
