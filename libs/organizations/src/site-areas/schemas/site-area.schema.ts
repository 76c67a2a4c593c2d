import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'site_areas', timestamps: true })
export class SiteAreaDocument extends TenantDocument {
  /** Fixed at creation: stations carry their area's site, which must not change under them. */
  @Prop({ required: true })
  siteId: string;

  @Prop({ required: true })
  name: string;

  @Prop()
  maximumPowerWatts?: number;

  @Prop()
  numberOfPhases?: number;

  @Prop()
  voltage?: number;

  /** The fuse: what each phase may carry, in A (beside or instead of maximumPowerWatts). */
  @Prop()
  maximumCurrentAmps?: number;

  /** The optimizer (libs/smart-charging) manages this area's stations. */
  @Prop({ default: false })
  smartCharging: boolean;

  /** The enclosing area (nested fuses); always in the same site, never a loop. */
  @Prop({ type: String })
  parentSiteAreaId?: string;

  @Prop({ default: true })
  accessControl: boolean;

  createdAt?: Date;
}

export const SiteAreaSchema = SchemaFactory.createForClass(SiteAreaDocument);
SiteAreaSchema.index({ tenantId: 1, siteId: 1, name: 1 });
SiteAreaSchema.index({ tenantId: 1, parentSiteAreaId: 1 });
SiteAreaSchema.index({ tenantId: 1, smartCharging: 1 });
