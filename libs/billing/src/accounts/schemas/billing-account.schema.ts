import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { ProviderPaymentMethod } from '../../provider/billing-provider.port';

/** One per user (its _id is the user id). */
@Schema({ collection: 'billing_accounts', timestamps: true })
export class BillingAccountDocument extends TenantDocument {
  @Prop()
  customerId?: string;

  @Prop()
  providerAccount?: string;

  @Prop({ default: 0 })
  customerGeneration: number;

  @Prop({ default: false })
  freeAccess: boolean;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  paymentMethods: ProviderPaymentMethod[];

  @Prop()
  paymentMethodsSyncedAt?: Date;
}

export const BillingAccountSchema = SchemaFactory.createForClass(BillingAccountDocument);
// Webhooks name the customer (rare: a scan of the tenant's accounts where this index is not built).
BillingAccountSchema.index({ tenantId: 1, customerId: 1 });
