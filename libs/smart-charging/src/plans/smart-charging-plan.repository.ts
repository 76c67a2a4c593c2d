import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SmartChargingPlanDocument } from './smart-charging-plan.schema';
import { StoredPlan } from './stored-plan';

@Injectable()
export class SmartChargingPlanRepository extends TenantRepository<SmartChargingPlanDocument, StoredPlan> {
  constructor(@InjectModel(SmartChargingPlanDocument.name) model: Model<SmartChargingPlanDocument>) {
    super(model);
  }

  ofRoot(tenantId: TenantId, rootAreaId: string): Promise<StoredPlan | null> {
    return this.findOne(tenantId, { rootAreaId });
  }

  /** The plan of the tree the area belongs to. */
  containing(tenantId: TenantId, siteAreaId: string): Promise<StoredPlan | null> {
    return this.findOne(tenantId, { areaIds: siteAreaId });
  }

  async save(tenantId: TenantId, plan: StoredPlan): Promise<StoredPlan> {
    return (await this.updateOne(
      tenantId,
      { rootAreaId: plan.rootAreaId },
      { $set: plan },
      { upsert: true },
    ))!;
  }

  protected toEntity(doc: Lean<SmartChargingPlanDocument>): StoredPlan {
    return {
      rootAreaId: doc.rootAreaId,
      areaIds: doc.areaIds,
      areas: doc.areas ?? [],
      computedAt: doc.computedAt,
      stickyLimitation: doc.stickyLimitation ?? true,
      connectors: (doc.connectors ?? []).map((connector) => ({
        ...connector,
        periods: connector.periods.map((period) => ({ ...period, start: new Date(period.start) })),
        sent: connector.sent ? reviveSent(connector.sent) : undefined,
      })),
      allowances: (doc.allowances ?? []).map((allowance) => ({
        ...allowance,
        sent: reviveSent(allowance.sent),
      })),
    };
  }
}

function reviveSent<T extends { startSchedule: Date; sentAt: Date }>(sent: T): T {
  return { ...sent, startSchedule: new Date(sent.startSchedule), sentAt: new Date(sent.sentAt) };
}
