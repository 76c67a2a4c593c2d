import { Role } from '@csms/auth';
import { TenantDocument } from '@csms/database';
import { NotificationType } from '@csms/notifications';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { UserStatus } from '../models/user-status';

@Schema({ collection: 'users', timestamps: true })
export class UserDocument extends TenantDocument {
  /** Stored lowercased so that the unique index is case-insensitive. */
  @Prop({ required: true })
  email: string;

  @Prop({ required: true })
  passwordHash: string;

  @Prop({ type: String, enum: Object.values(Role), required: true })
  role: Role;

  @Prop()
  firstName?: string;

  @Prop()
  lastName?: string;

  @Prop({ default: 'en' })
  locale: string;

  @Prop()
  phone?: string;

  @Prop({ type: String, enum: Object.values(UserStatus), default: UserStatus.ACTIVE })
  status: UserStatus;

  @Prop({ type: [String], default: [] })
  disabledNotifications: NotificationType[];

  /** Bumped on password change or logout; tokens carrying an older version are refused. */
  @Prop({ default: 0 })
  tokenVersion: number;

  /** Wrong passwords since the last successful login; stored so that a lock survives restarts. */
  @Prop({ default: 0 })
  failedLoginAttempts: number;

  @Prop()
  lockedUntil?: Date;

  /** SHA-256 of the single-use password reset token (the token itself is only in the email). */
  @Prop()
  passwordResetHash?: string;

  @Prop()
  passwordResetExpiresAt?: Date;

  @Prop()
  emailVerificationHash?: string;

  @Prop()
  emailVerificationExpiresAt?: Date;

  createdAt?: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserDocument);
UserSchema.index({ tenantId: 1, email: 1 }, { unique: true });
UserSchema.index({ tenantId: 1, createdAt: 1, _id: 1 });
UserSchema.index({ tenantId: 1, passwordResetHash: 1 }, { sparse: true });
UserSchema.index({ tenantId: 1, emailVerificationHash: 1 }, { sparse: true });
