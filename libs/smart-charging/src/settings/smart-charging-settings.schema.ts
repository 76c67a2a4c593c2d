import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { GridPricePeriod } from './smart-charging-settings';

/** The smart-charging settings of one site area (only what differs from the defaults). */
@Schema({ collection: 'smart_charging_settings', timestamps: true })
export class SmartChargingSettingsDocument extends TenantDocument {
  @Prop({ required: true })
  siteAreaId: string;

  @Prop()
  minimumCurrentAmps?: number;

  @Prop()
  horizonMinutes?: number;

  @Prop()
  stackLevel?: number;

  @Prop()
  changeThresholdAmps?: number;

  @Prop()
  peakPowerWatts?: number;

  @Prop()
  maxPhaseImbalanceAmps?: number;

  @Prop()
  stickyLimitation?: boolean;

  @Prop()
  efficiencyPercent?: number;

  @Prop()
  dcEfficiencyPercent?: number;

  @Prop()
  defaultTargetSoc?: number;

  @Prop()
  defaultStayMinutes?: number;

  @Prop({ type: [Object] })
  gridPrices?: GridPricePeriod[];

  @Prop()
  futureCapacitySharePercent?: number;
}

export const SmartChargingSettingsSchema = SchemaFactory.createForClass(SmartChargingSettingsDocument);
SmartChargingSettingsSchema.index({ tenantId: 1, siteAreaId: 1 }, { unique: true });
