import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { Address } from '../../shared/address.model';
import { Coordinates } from '../../shared/coordinates.model';
import { OpeningPeriod } from '../models/opening-period.model';

@Schema({ collection: 'sites', timestamps: true })
export class SiteDocument extends TenantDocument {
  @Prop({ required: true })
  companyId: string;

  @Prop({ required: true })
  name: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  address?: Address;

  /** Queried as `coordinates.latitude` / `coordinates.longitude` (bounding box, see NearbyStationsService). */
  @Prop({ type: MongooseSchema.Types.Mixed })
  coordinates?: Coordinates;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  openingHours: OpeningPeriod[];

  @Prop({ default: false })
  public: boolean;

  /** IANA time zone of the site's local days and hours (statistics, tariffs). */
  @Prop()
  timeZone?: string;

  createdAt?: Date;
}

export const SiteSchema = SchemaFactory.createForClass(SiteDocument);
SiteSchema.index({ tenantId: 1, companyId: 1, name: 1 });
SiteSchema.index({ tenantId: 1, name: 1 });
SiteSchema.index({ tenantId: 1, 'coordinates.latitude': 1 });
