import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Who the tenant is in roaming: its country code and party id (CPO and eMSP alike), and its name. One
 * per tenant: its `_id` is the tenant id.
 */
@Schema({ collection: 'roaming_identities', timestamps: true })
export class RoamingIdentityDocument extends TenantDocument {
  @Prop({ required: true })
  countryCode: string;

  @Prop({ required: true })
  partyId: string;

  @Prop({ required: true })
  businessName: string;

  @Prop()
  website?: string;

  updatedAt?: Date;
}

export const RoamingIdentitySchema = SchemaFactory.createForClass(RoamingIdentityDocument);
