import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory, raw } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** One thing someone did (or tried): append-only; only retention deletes entries. */
@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntryDocument extends TenantDocument {
  @Prop({ required: true })
  at: Date;

  @Prop({ required: true })
  action: string;

  /** ok, refused or failed. */
  @Prop({ required: true })
  outcome: string;

  @Prop()
  errorCode?: string;

  /** USER or API_KEY; absent when nobody was authenticated. */
  @Prop()
  actorType?: string;

  @Prop()
  actorId?: string;

  @Prop()
  actorLabel?: string;

  @Prop()
  actorRole?: string;

  @Prop()
  targetType?: string;

  @Prop()
  targetId?: string;

  @Prop()
  ip?: string;

  /** The operation's arguments, secrets redacted. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  changes?: Record<string, unknown>;

  @Prop(raw([{ chargingStationId: String, action: String, messageId: String, _id: false }]))
  ocppCalls?: { chargingStationId: string; action: string; messageId: string }[];
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDocument);
AuditEntrySchema.index({ tenantId: 1, at: -1, _id: -1 });
AuditEntrySchema.index({ tenantId: 1, targetId: 1, at: -1, _id: -1 });
AuditEntrySchema.index({ tenantId: 1, actorId: 1, at: -1, _id: -1 });
