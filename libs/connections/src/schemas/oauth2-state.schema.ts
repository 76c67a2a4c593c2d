import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An authorization in progress: its _id is the SHA-256 of the `state` handed to the browser, so the
 * state itself is stored nowhere; used once, then deleted. Not a tenant document: the callback
 * arrives without a tenant and finds it here.
 */
@Schema({ collection: 'oauth2_states' })
export class OAuth2StateDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  tenantId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  kind: string;

  @Prop({ required: true })
  redirectUri: string;

  @Prop({ required: true })
  expiresAt: Date;
}

export const OAuth2StateSchema = SchemaFactory.createForClass(OAuth2StateDocument);
OAuth2StateSchema.index({ expiresAt: 1 });
