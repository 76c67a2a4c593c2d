import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One per tenant (its _id is the tenant id); the secrets sealed. */
@Schema({ collection: 'billing_settings', timestamps: true })
export class BillingSettingsDocument extends TenantDocument {
  @Prop()
  enabled?: boolean;

  @Prop()
  enabledAt?: Date;

  @Prop()
  secretKeySealed?: string;

  @Prop()
  secretKeyLast4?: string;

  @Prop()
  publicKey?: string;

  @Prop()
  webhookSecretSealed?: string;

  @Prop()
  webhookSecretLast4?: string;

  @Prop()
  connectWebhookSecretSealed?: string;

  @Prop()
  connectWebhookSecretLast4?: string;

  @Prop()
  immediateBilling?: boolean;

  @Prop()
  taxRatePercent?: number;

  @Prop()
  currency?: string;

  @Prop()
  freeSessionMaxSeconds?: number;

  @Prop()
  freeSessionMaxWh?: number;

  @Prop()
  platformFeeFlat?: number;

  @Prop()
  platformFeePercent?: number;

  updatedAt?: Date;
}

export const BillingSettingsSchema = SchemaFactory.createForClass(BillingSettingsDocument);
