import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'registration_tokens', timestamps: true })
export class RegistrationTokenDocument extends TenantDocument {
  /** sha256 (hex) of the token: the token itself is shown once, at creation, and never stored. */
  @Prop({ required: true })
  tokenHash: string;

  @Prop()
  description?: string;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop()
  revokedAt?: Date;

  @Prop({ type: String })
  siteAreaId?: string;

  /** The user who created it. */
  @Prop()
  createdBy?: string;

  createdAt?: Date;
}

export const RegistrationTokenSchema = SchemaFactory.createForClass(RegistrationTokenDocument);
RegistrationTokenSchema.index({ tenantId: 1, tokenHash: 1 }, { unique: true });
RegistrationTokenSchema.index({ tenantId: 1, createdAt: -1 });
RegistrationTokenSchema.index({ tenantId: 1, siteAreaId: 1 });
