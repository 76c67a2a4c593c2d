import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** What the driver (or an operator) said about a session: when it leaves, how full it wants to be. */
@Schema({ collection: 'smart_charging_session_preferences', timestamps: true })
export class SessionPreferenceDocument extends TenantDocument {
  @Prop({ required: true })
  transactionId: string;

  @Prop()
  departureAt?: Date;

  @Prop()
  targetSoc?: number;
}

export const SessionPreferenceSchema = SchemaFactory.createForClass(SessionPreferenceDocument);
SessionPreferenceSchema.index({ tenantId: 1, transactionId: 1 }, { unique: true });
