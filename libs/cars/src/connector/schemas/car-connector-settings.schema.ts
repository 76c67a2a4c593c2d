import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { CarDataFieldMapping } from '../car-data-mapping';

/** One per tenant (its _id is the tenant id); the client id and secret sealed. */
@Schema({ collection: 'car_connector_settings', timestamps: true })
export class CarConnectorSettingsDocument extends TenantDocument {
  @Prop()
  enabled?: boolean;

  @Prop()
  name?: string;

  @Prop()
  grantType?: string;

  @Prop()
  authorizeUrl?: string;

  @Prop()
  tokenUrl?: string;

  @Prop()
  clientIdSealed?: string;

  @Prop()
  clientSecretSealed?: string;

  @Prop()
  clientSecretLast4?: string;

  @Prop()
  scope?: string;

  @Prop()
  vehiclesUrl?: string;

  @Prop()
  readingUrl?: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  mapping?: CarDataFieldMapping;

  updatedAt?: Date;
}

export const CarConnectorSettingsSchema = SchemaFactory.createForClass(CarConnectorSettingsDocument);
