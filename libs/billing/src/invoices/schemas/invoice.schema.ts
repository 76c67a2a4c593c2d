import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { ProviderInvoiceStatus } from '../../provider/billing-provider.port';
import { InvoiceLine } from '../invoice';

/** A provider invoice mirrored here (its _id is the provider's id). */
@Schema({ collection: 'billing_invoices', timestamps: { createdAt: false, updatedAt: true } })
export class InvoiceDocument extends TenantDocument {
  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  customerId: string;

  @Prop()
  number?: string;

  @Prop({ type: String, required: true })
  status: ProviderInvoiceStatus;

  @Prop({ required: true })
  amount: number;

  @Prop({ required: true })
  currency: string;

  @Prop({ required: true })
  createdAt: Date;

  @Prop()
  paidAt?: Date;

  @Prop()
  downloadUrl?: string;

  @Prop({ type: [String], default: [] })
  transactionIds: string[];

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  lines: InvoiceLine[];

  @Prop({ default: 0 })
  paymentAttempts: number;

  @Prop()
  lastPaymentError?: string;

  @Prop()
  lastPaymentAttemptAt?: Date;
}

export const InvoiceSchema = SchemaFactory.createForClass(InvoiceDocument);
// A user's invoices, newest first; the tenant's unpaid ones (the retry job).
InvoiceSchema.index({ tenantId: 1, userId: 1, createdAt: -1, _id: -1 }, { unique: true });
InvoiceSchema.index({ tenantId: 1, status: 1, _id: 1 }, { unique: true });
