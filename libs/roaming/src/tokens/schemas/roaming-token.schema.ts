import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { RoamingTokenType, WhitelistType } from '../roaming-token';

/** A token an eMSP partner pushed to us (or we pulled from it). `uid` is stored upper-case for lookups. */
@Schema({ collection: 'roaming_tokens', timestamps: { createdAt: true, updatedAt: false } })
export class RoamingTokenDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ required: true })
  countryCode: string;

  @Prop({ required: true })
  partyId: string;

  @Prop({ required: true })
  uid: string;

  @Prop({ type: String, required: true })
  type: RoamingTokenType;

  @Prop({ required: true })
  contractId: string;

  @Prop()
  visualNumber?: string;

  @Prop({ required: true })
  issuer: string;

  @Prop()
  groupId?: string;

  @Prop({ required: true })
  valid: boolean;

  @Prop({ type: String, required: true })
  whitelist: WhitelistType;

  @Prop()
  language?: string;

  @Prop({ required: true })
  lastUpdated: Date;
}

export const RoamingTokenSchema = SchemaFactory.createForClass(RoamingTokenDocument);
RoamingTokenSchema.index({ tenantId: 1, countryCode: 1, partyId: 1, uid: 1, type: 1 }, { unique: true });
RoamingTokenSchema.index({ tenantId: 1, uid: 1 });
RoamingTokenSchema.index({ tenantId: 1, partnerId: 1, _id: 1 });
