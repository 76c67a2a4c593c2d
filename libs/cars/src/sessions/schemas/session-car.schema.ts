import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Which car a session charged: `_id` is the session's (transaction) id. */
@Schema({ collection: 'session_cars', timestamps: { createdAt: true, updatedAt: false } })
export class SessionCarDocument extends TenantDocument {
  @Prop({ required: true })
  carId: string;
}

export const SessionCarSchema = SchemaFactory.createForClass(SessionCarDocument);
