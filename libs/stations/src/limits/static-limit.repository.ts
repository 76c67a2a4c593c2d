import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChargingRateUnit } from '../commands/command-enums';
import { StaticLimitMethod } from './models/static-limit-enums';
import { StaticLimit } from './models/static-limit.model';
import { StaticLimitDocument } from './schemas/static-limit.schema';

export interface StationStaticLimit extends StaticLimit {
  chargingStationId: string;
}

@Injectable()
export class StaticLimitRepository extends TenantRepository<StaticLimitDocument, StationStaticLimit> {
  constructor(@InjectModel(StaticLimitDocument.name) model: Model<StaticLimitDocument>) {
    super(model);
  }

  /** Sets the limit of (station, connector), replacing the one in force there. */
  async save(tenantId: TenantId, stationId: string, limit: StaticLimit): Promise<StationStaticLimit> {
    const { connectorId, amps, ...fields } = limit;
    const saved = await this.updateOne(
      tenantId,
      { stationId, connectorId },
      amps === undefined ? { $set: fields, $unset: { amps: 1 } } : { $set: { ...fields, amps } },
      { upsert: true },
    );
    return saved!;
  }

  find(tenantId: TenantId, stationId: string, connectorId: number): Promise<StationStaticLimit | null> {
    return this.findOne(tenantId, { stationId, connectorId });
  }

  /** The limits of these stations, sorted by station then connector. */
  async ofStations(tenantId: TenantId, stationIds: readonly string[]): Promise<StationStaticLimit[]> {
    const limits = await this.findMany(tenantId, { stationId: { $in: [...stationIds] } });
    return limits.sort(
      (a, b) => a.chargingStationId.localeCompare(b.chargingStationId) || a.connectorId - b.connectorId,
    );
  }

  remove(tenantId: TenantId, stationId: string, connectorId: number): Promise<boolean> {
    return this.deleteOne(tenantId, { stationId, connectorId });
  }

  protected toEntity(doc: Lean<StaticLimitDocument>): StationStaticLimit {
    return {
      chargingStationId: doc.stationId,
      connectorId: doc.connectorId,
      watts: doc.watts,
      amps: doc.amps ?? undefined,
      unit: doc.unit as ChargingRateUnit,
      method: doc.method as StaticLimitMethod,
      appliedAt: doc.appliedAt,
    };
  }
}
