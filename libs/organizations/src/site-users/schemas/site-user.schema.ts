import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SiteUserRole } from '../models/site-user-role';

/** One role of one user on one site; read with every request of a basic user (by tenantId + userId). */
@Schema({ collection: 'site_users', timestamps: true })
export class SiteUserDocument extends TenantDocument {
  @Prop({ required: true })
  siteId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ type: String, enum: Object.values(SiteUserRole), required: true })
  role: SiteUserRole;

  createdAt?: Date;
}

export const SiteUserSchema = SchemaFactory.createForClass(SiteUserDocument);
SiteUserSchema.index({ tenantId: 1, siteId: 1, userId: 1, role: 1 }, { unique: true });
SiteUserSchema.index({ tenantId: 1, userId: 1 });
