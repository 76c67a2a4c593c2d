import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One OCPP-J frame in or out, without its payload (the log says what flowed, not what it carried). */
@Schema({ collection: 'ocpp_messages', versionKey: false })
export class OcppMessageDocument extends TenantDocument {
  @Prop({ required: true })
  stationId: string;

  /** 'in' from the station, 'out' to it. */
  @Prop({ required: true })
  direction: string;

  /** CALL, CALLRESULT, CALLERROR, or INVALID for a frame that could not be parsed. */
  @Prop({ required: true })
  messageType: string;

  @Prop()
  action?: string;

  @Prop()
  messageId?: string;

  @Prop({ required: true })
  sizeBytes: number;

  /** For answers: milliseconds since the CALL they answer. */
  @Prop()
  latencyMs?: number;

  @Prop()
  errorCode?: string;

  @Prop({ required: true })
  at: Date;
}

export const OcppMessageSchema = SchemaFactory.createForClass(OcppMessageDocument);
OcppMessageSchema.index({ tenantId: 1, stationId: 1, at: -1, _id: -1 });
OcppMessageSchema.index({ tenantId: 1, at: -1, _id: -1 });
