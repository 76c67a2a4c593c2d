import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { DisplayText, PriceAmount, TariffElement, TariffType } from '../../model/tariff';

/** A tariff as stored: the OCPI object in camelCase (elements kept whole, never queried into). */
@Schema({ collection: 'tariffs', timestamps: true })
export class TariffDocument extends TenantDocument {
  @Prop({ required: true })
  name: string;

  @Prop({ required: true })
  currency: string;

  @Prop({ type: String })
  type?: TariffType;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  tariffAltText: DisplayText[];

  @Prop()
  tariffAltUrl?: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  minPrice?: PriceAmount;

  @Prop({ type: MongooseSchema.Types.Mixed })
  maxPrice?: PriceAmount;

  @Prop()
  startDateTime?: Date;

  @Prop()
  endDateTime?: Date;

  @Prop({ type: [MongooseSchema.Types.Mixed], required: true })
  elements: TariffElement[];

  createdAt?: Date;
  updatedAt?: Date;
}

export const TariffSchema = SchemaFactory.createForClass(TariffDocument);
TariffSchema.index({ tenantId: 1, name: 1 });
