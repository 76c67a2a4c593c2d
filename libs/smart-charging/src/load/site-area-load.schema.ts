import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One point of a site area's load curve. `_id` is `<tenant>:<area>:<bucket>`: every instance
 * computes the same point, the first insert wins, so each bucket is stored and announced once.
 */
@Schema({ collection: 'site_area_loads', versionKey: false })
export class SiteAreaLoadDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  tenantId: string;

  @Prop({ required: true })
  siteAreaId: string;

  @Prop({ required: true })
  timestamp: Date;

  @Prop({ type: [Number], required: true })
  amps: number[];

  @Prop({ type: [Number], required: true })
  chargingAmps: number[];

  @Prop({ type: [Number], required: true })
  assetAmps: number[];

  @Prop()
  limitAmps?: number;
}

export const SiteAreaLoadSchema = SchemaFactory.createForClass(SiteAreaLoadDocument);
SiteAreaLoadSchema.index({ tenantId: 1, siteAreaId: 1, timestamp: 1 });
SiteAreaLoadSchema.index({ tenantId: 1, timestamp: 1 });
