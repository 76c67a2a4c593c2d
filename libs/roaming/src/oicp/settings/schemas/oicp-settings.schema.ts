import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A tenant's Hubject connection (see OicpSettings); its `_id` is the tenant id. */
@Schema({ collection: 'oicp_settings', timestamps: true })
export class OicpSettingsDocument extends TenantDocument {
  @Prop({ required: true })
  enabled: boolean;

  @Prop({ required: true })
  operatorId: string;

  @Prop({ required: true })
  operatorName: string;

  @Prop({ required: true })
  hotlinePhoneNumber: string;

  @Prop({ required: true })
  baseUrl: string;

  @Prop({ default: false })
  dynamicPricing: boolean;

  @Prop()
  clientCertificate?: string;

  @Prop()
  clientKey?: string;

  @Prop()
  caCertificate?: string;

  @Prop()
  certificateSubject?: string;

  @Prop()
  certificateExpiresAt?: Date;

  @Prop({ required: true })
  partnerId: string;

  @Prop()
  expiryWarnedAt?: Date;

  updatedAt?: Date;
}

export const OicpSettingsSchema = SchemaFactory.createForClass(OicpSettingsDocument);
OicpSettingsSchema.index({ certificateExpiresAt: 1 });
