import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Role } from '../../role';

/** An API key of a technical user; the secret itself is never stored, only its hash. */
@Schema({ collection: 'api_keys', timestamps: { createdAt: true, updatedAt: false } })
export class ApiKeyDocument extends TenantDocument {
  @Prop({ required: true })
  name: string;

  /** SHA-256 of the secret. */
  @Prop({ required: true })
  secretHash: string;

  /** The start of the secret, shown in lists. */
  @Prop({ required: true })
  prefix: string;

  @Prop({ type: String, enum: Object.values(Role), required: true })
  role: Role;

  @Prop({ type: [String], default: [] })
  siteAdminSiteIds: string[];

  @Prop({ type: [String], default: [] })
  siteOwnerSiteIds: string[];

  /** Unset: API_KEY_RATE_LIMIT_PER_MINUTE. */
  @Prop()
  rateLimitPerMinute?: number;

  @Prop({ required: true })
  expiresAt: Date;

  /** Who created it: a user's or another key's id, and how to name them. */
  @Prop({ required: true })
  createdById: string;

  @Prop({ required: true })
  createdByLabel: string;

  @Prop()
  revokedAt?: Date;

  @Prop()
  revokedById?: string;

  @Prop()
  lastUsedAt?: Date;

  @Prop()
  lastUsedIp?: string;

  /** When the admins were told it expires soon (once per key). */
  @Prop()
  expiryReminderSentAt?: Date;

  createdAt?: Date;
}

export const ApiKeySchema = SchemaFactory.createForClass(ApiKeyDocument);
ApiKeySchema.index({ tenantId: 1, secretHash: 1 }, { unique: true });
ApiKeySchema.index({ tenantId: 1, createdAt: -1 });
ApiKeySchema.index({ tenantId: 1, expiresAt: 1 });
