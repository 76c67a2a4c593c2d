import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RoamingAuthMethod, RoamingTokenRef } from '../roaming-authorization';

/** See RoamingAuthorization; `tokenUid` is the token's uid upper-cased (the idTag a station sends). */
@Schema({ collection: 'roaming_authorizations', timestamps: { createdAt: true, updatedAt: false } })
export class RoamingAuthorizationDocument extends TenantDocument {
  @Prop({ required: true })
  stationId: string;

  @Prop({ required: true })
  tokenUid: string;

  @Prop({ required: true })
  partnerId: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  token: RoamingTokenRef;

  @Prop({ type: String, required: true })
  authMethod: RoamingAuthMethod;

  @Prop()
  authorizationReference?: string;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop()
  cancelledAt?: Date;

  createdAt: Date;
}

export const RoamingAuthorizationSchema = SchemaFactory.createForClass(RoamingAuthorizationDocument);
RoamingAuthorizationSchema.index({ tenantId: 1, tokenUid: 1, stationId: 1, createdAt: -1 });
