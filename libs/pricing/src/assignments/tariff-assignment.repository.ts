import { ReadThroughCache, TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { TariffAssignment, TariffLevel } from '../model/tariff-assignment';
import { TariffAssignmentDocument } from './schemas/tariff-assignment.schema';

/** Another instance's new assignment is seen within this. */
const ANY_ASSIGNMENT_TTL_MS = 5_000;

export type AssignmentFields = Omit<TariffAssignment, 'id' | 'tenantId' | 'createdAt'>;

/** The places a session stands in, from the tenant down to its connector. */
export interface AssignmentScope {
  companyId?: string;
  siteId?: string;
  siteAreaIds: string[];
  chargingStationId: string;
  connectorId?: number;
}

@Injectable()
export class TariffAssignmentRepository extends TenantRepository<TariffAssignmentDocument, TariffAssignment> {
  constructor(@InjectModel(TariffAssignmentDocument.name) model: Model<TariffAssignmentDocument>) {
    super(model);
  }

  /** Whether the tenant has any assignment, known for a few seconds (changes made here are seen at once). */
  private readonly anyAssignment = new ReadThroughCache<boolean>(ANY_ASSIGNMENT_TTL_MS);

  async create(tenantId: TenantId, fields: AssignmentFields): Promise<TariffAssignment> {
    const created = await this.insert(tenantId, fields);
    this.anyAssignment.forget(tenantId);
    return created;
  }

  async remove(tenantId: TenantId, id: string): Promise<boolean> {
    const removed = await this.deleteOne(tenantId, { _id: id });
    this.anyAssignment.forget(tenantId);
    return removed;
  }

  tenantHasAny(tenantId: TenantId): Promise<boolean> {
    return this.anyAssignment.get(tenantId, async () => (await this.count(tenantId, {})) > 0);
  }

  list(
    tenantId: TenantId,
    filter: { tariffId?: string; level?: TariffLevel; entityId?: string },
  ): Promise<TariffAssignment[]> {
    const query: FilterQuery<TariffAssignmentDocument> = {};
    if (filter.tariffId) query.tariffId = filter.tariffId;
    if (filter.level) query.level = filter.level;
    if (filter.entityId) query.entityId = filter.entityId;
    return this.findMany(tenantId, query);
  }

  countOfTariff(tenantId: TenantId, tariffId: string): Promise<number> {
    return this.count(tenantId, { tariffId });
  }

  /** Every assignment at one of the scope's levels, in one query. */
  inScope(tenantId: TenantId, scope: AssignmentScope): Promise<TariffAssignment[]> {
    const levels: FilterQuery<TariffAssignmentDocument>[] = [
      { level: TariffLevel.TENANT },
      { level: TariffLevel.CHARGING_STATION, entityId: scope.chargingStationId },
    ];
    if (scope.companyId) levels.push({ level: TariffLevel.COMPANY, entityId: scope.companyId });
    if (scope.siteId) levels.push({ level: TariffLevel.SITE, entityId: scope.siteId });
    if (scope.siteAreaIds.length)
      levels.push({ level: TariffLevel.SITE_AREA, entityId: { $in: scope.siteAreaIds } });
    if (scope.connectorId !== undefined) {
      levels.push({
        level: TariffLevel.CONNECTOR,
        entityId: scope.chargingStationId,
        connectorId: scope.connectorId,
      });
    }
    return this.findMany(tenantId, { $or: levels });
  }

  protected toEntity(doc: Lean<TariffAssignmentDocument>): TariffAssignment {
    return {
      id: doc._id,
      tenantId: doc.tenantId,
      tariffId: doc.tariffId,
      level: doc.level,
      entityId: doc.entityId ?? undefined,
      connectorId: doc.connectorId ?? undefined,
      userGroupId: doc.userGroupId ?? undefined,
      connectorType: doc.connectorType ?? undefined,
      minPowerWatts: doc.minPowerWatts ?? undefined,
      maxPowerWatts: doc.maxPowerWatts ?? undefined,
      validFrom: doc.validFrom ?? undefined,
      validTo: doc.validTo ?? undefined,
      createdAt: doc.createdAt ?? new Date(0),
    };
  }
}
