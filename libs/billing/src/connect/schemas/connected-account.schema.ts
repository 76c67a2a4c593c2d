import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ConnectedAccountOwner } from '../connected-account';

/** A Stripe Connect account (its _id is the provider's account id), one per company or site. */
@Schema({ collection: 'billing_connected_accounts', timestamps: true })
export class ConnectedAccountDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  ownerType: ConnectedAccountOwner;

  @Prop({ required: true })
  ownerId: string;

  @Prop({ required: true })
  companyId: string;

  @Prop()
  siteId?: string;

  @Prop({ required: true })
  name: string;

  @Prop()
  email?: string;

  @Prop()
  country?: string;

  @Prop({ default: false })
  chargesEnabled: boolean;

  @Prop({ default: false })
  payoutsEnabled: boolean;

  @Prop({ default: false })
  detailsSubmitted: boolean;

  @Prop({ default: false })
  transfersEnabled: boolean;

  createdAt?: Date;
  updatedAt?: Date;
}

export const ConnectedAccountSchema = SchemaFactory.createForClass(ConnectedAccountDocument);
// One account per company or site; a transfer looks its session's site up, then the company.
ConnectedAccountSchema.index({ tenantId: 1, ownerType: 1, ownerId: 1 }, { unique: true });
ConnectedAccountSchema.index({ tenantId: 1, companyId: 1, _id: 1 }, { unique: true });
