import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'user_groups', timestamps: { createdAt: true, updatedAt: false } })
export class UserGroupDocument extends TenantDocument {
  @Prop({ required: true })
  name: string;

  @Prop({ type: [String], default: [] })
  userIds: string[];

  @Prop({ type: [String], default: [] })
  tagIds: string[];

  createdAt?: Date;
}

export const UserGroupSchema = SchemaFactory.createForClass(UserGroupDocument);
UserGroupSchema.index({ tenantId: 1, userIds: 1 });
UserGroupSchema.index({ tenantId: 1, tagIds: 1 });
