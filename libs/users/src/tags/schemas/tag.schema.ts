import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'tags', timestamps: true })
export class TagDocument extends TenantDocument {
  /** The badge's OCPP idTag / idToken, unique in its tenant. */
  @Prop({ required: true })
  tagId: string;

  @Prop({ default: true })
  active: boolean;

  @Prop({ type: String })
  userId?: string;

  @Prop()
  description?: string;

  @Prop()
  expiresAt?: Date;

  @Prop()
  parentTagId?: string;

  /** The user's default badge (at most one per user), e.g. for remote starts. */
  @Prop({ default: false })
  isDefault: boolean;

  createdAt?: Date;
  updatedAt?: Date;
}

export const TagSchema = SchemaFactory.createForClass(TagDocument);
TagSchema.index({ tenantId: 1, tagId: 1 }, { unique: true });
TagSchema.index({ tenantId: 1, userId: 1 });
