import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One per tenant (its _id is the tenant id); the client id and secret sealed. */
@Schema({ collection: 'refund_settings', timestamps: true })
export class RefundSettingsDocument extends TenantDocument {
  @Prop()
  enabled?: boolean;

  @Prop()
  clientIdSealed?: string;

  @Prop()
  clientSecretSealed?: string;

  @Prop()
  clientSecretLast4?: string;

  @Prop()
  authenticationUrl?: string;

  @Prop()
  apiUrl?: string;

  @Prop()
  scope?: string;

  @Prop()
  expenseTypeCode?: string;

  @Prop()
  paymentTypeId?: string;

  @Prop()
  policyId?: string;

  @Prop()
  reportName?: string;

  updatedAt?: Date;
}

export const RefundSettingsSchema = SchemaFactory.createForClass(RefundSettingsDocument);
