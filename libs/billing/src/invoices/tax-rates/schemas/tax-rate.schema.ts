import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A tax rate created at the provider, per account and percentage (its _id is `<account>:<percent>`). */
@Schema({ collection: 'billing_tax_rates' })
export class TaxRateDocument extends TenantDocument {
  @Prop({ required: true })
  providerId: string;
}

export const TaxRateSchema = SchemaFactory.createForClass(TaxRateDocument);
