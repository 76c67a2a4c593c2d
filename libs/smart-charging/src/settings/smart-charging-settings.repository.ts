import { TenantId } from '@csms/common';
import { Lean, TenantRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DEFAULT_SETTINGS, SmartChargingSettings } from './smart-charging-settings';
import { SmartChargingSettingsDocument } from './smart-charging-settings.schema';

@Injectable()
export class SmartChargingSettingsRepository extends TenantRepository<
  SmartChargingSettingsDocument,
  SmartChargingSettings
> {
  constructor(@InjectModel(SmartChargingSettingsDocument.name) model: Model<SmartChargingSettingsDocument>) {
    super(model);
  }

  /** The settings of each area, defaults where none were set. */
  async ofAreas(
    tenantId: TenantId,
    siteAreaIds: readonly string[],
  ): Promise<Map<string, SmartChargingSettings>> {
    const stored = await this.findMany(tenantId, { siteAreaId: { $in: [...siteAreaIds] } });
    const byArea = new Map(stored.map((settings) => [settings.siteAreaId, settings]));
    return new Map(
      siteAreaIds.map((siteAreaId) => [
        siteAreaId,
        byArea.get(siteAreaId) ?? { siteAreaId, ...DEFAULT_SETTINGS },
      ]),
    );
  }

  async save(
    tenantId: TenantId,
    siteAreaId: string,
    set: Partial<SmartChargingSettings>,
    unset: string[],
  ): Promise<SmartChargingSettings> {
    const update = unset.length
      ? { $set: set, $unset: Object.fromEntries(unset.map((field) => [field, 1])) }
      : { $set: set };
    return (await this.updateOne(tenantId, { siteAreaId }, update, { upsert: true }))!;
  }

  protected toEntity(doc: Lean<SmartChargingSettingsDocument>): SmartChargingSettings {
    const defined = Object.fromEntries(
      Object.entries({
        minimumCurrentAmps: doc.minimumCurrentAmps,
        horizonMinutes: doc.horizonMinutes,
        stackLevel: doc.stackLevel,
        changeThresholdAmps: doc.changeThresholdAmps,
        peakPowerWatts: doc.peakPowerWatts,
        maxPhaseImbalanceAmps: doc.maxPhaseImbalanceAmps,
        stickyLimitation: doc.stickyLimitation,
        efficiencyPercent: doc.efficiencyPercent,
        dcEfficiencyPercent: doc.dcEfficiencyPercent,
        defaultTargetSoc: doc.defaultTargetSoc,
        defaultStayMinutes: doc.defaultStayMinutes,
        gridPrices: doc.gridPrices,
        futureCapacitySharePercent: doc.futureCapacitySharePercent,
      }).filter(([, value]) => value !== undefined && value !== null),
    );
    return { ...DEFAULT_SETTINGS, ...defined, siteAreaId: doc.siteAreaId };
  }
}
