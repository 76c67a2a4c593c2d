import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RoamingEvse, RoamingOpeningHours } from '../roaming-location';

/**
 * The roaming projection of a site (see RoamingLocation): what partners were last given, with the times
 * each part last changed, so that GET lists filter by last_updated and pushes carry only real changes.
 */
@Schema({
  collection: 'roaming_locations',
  minimize: false,
  timestamps: { createdAt: true, updatedAt: false },
})
export class RoamingLocationDocument extends TenantDocument {
  @Prop({ required: true })
  siteId: string;

  @Prop({ required: true })
  published: boolean;

  @Prop({ type: [String], default: [] })
  problems: string[];

  @Prop({ required: true })
  name: string;

  @Prop()
  address: string;

  @Prop()
  city: string;

  @Prop()
  postalCode?: string;

  @Prop()
  country: string;

  @Prop()
  latitude: number;

  @Prop()
  longitude: number;

  @Prop()
  timeZone: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  openingHours: RoamingOpeningHours;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  evses: RoamingEvse[];

  @Prop({ required: true })
  lastUpdated: Date;
}

export const RoamingLocationSchema = SchemaFactory.createForClass(RoamingLocationDocument);
RoamingLocationSchema.index({ tenantId: 1, siteId: 1 }, { unique: true });
RoamingLocationSchema.index({ tenantId: 1, published: 1, lastUpdated: 1 });
