import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** A user's OAuth2 connection to one outside service; its _id is `userId|kind`; the tokens sealed. */
@Schema({ collection: 'user_connections', timestamps: true })
export class UserConnectionDocument extends TenantDocument {
  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  kind: string;

  @Prop({ required: true })
  accessTokenSealed: string;

  @Prop()
  refreshTokenSealed?: string;

  @Prop()
  expiresAt?: Date;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  extras: Record<string, string>;

  /** Set when the service refused the refresh token: the user must connect again. */
  @Prop()
  brokenReason?: string;

  @Prop({ required: true })
  connectedAt: Date;

  updatedAt?: Date;
}

export const UserConnectionSchema = SchemaFactory.createForClass(UserConnectionDocument);
