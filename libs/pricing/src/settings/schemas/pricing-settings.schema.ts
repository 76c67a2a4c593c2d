import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One per tenant (its _id is the tenant id). */
@Schema({ collection: 'pricing_settings', timestamps: true })
export class PricingSettingsDocument extends TenantDocument {
  @Prop()
  defaultCurrency?: string;

  @Prop()
  costUpdatedIntervalSeconds?: number;

  @Prop()
  ocpiCountryCode?: string;

  @Prop()
  ocpiPartyId?: string;
}

export const PricingSettingsSchema = SchemaFactory.createForClass(PricingSettingsDocument);
