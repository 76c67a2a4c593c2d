import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One OCPP call and its answer, or a frame that belongs to no call, without payloads (the log says
 * what flowed, not what it carried).
 */
@Schema({ collection: 'ocpp_messages', versionKey: false })
export class OcppMessageDocument extends TenantDocument {
  @Prop({ required: true })
  stationId: string;

  /** Who sent the CALL (or the lone frame): 'in' the station, 'out' the central system. */
  @Prop({ required: true })
  direction: string;

  /** CALL; CALLRESULT or CALLERROR for an answer to no known CALL; INVALID for an unparsable frame. */
  @Prop({ required: true })
  messageType: string;

  @Prop()
  action?: string;

  @Prop()
  messageId?: string;

  /** Of the CALL, or of the lone frame. */
  @Prop({ required: true })
  sizeBytes: number;

  /** CALLRESULT or CALLERROR; absent while no answer came. */
  @Prop()
  answerType?: string;

  @Prop()
  answerSizeBytes?: number;

  /** Milliseconds from the CALL to its answer. */
  @Prop()
  latencyMs?: number;

  @Prop()
  errorCode?: string;

  /** Why the central system answered as it did (e.g. why a badge was refused). */
  @Prop()
  note?: string;

  @Prop({ required: true })
  at: Date;

  /** A run of alike CALLs (absent: one): how many, the last one's time, and all their message ids. */
  @Prop()
  count?: number;

  @Prop()
  lastAt?: Date;

  /**
   * The run's message ids as one JSON array text: the embedded database pays per array element
   * written, and a run holds up to a hundred.
   */
  @Prop()
  messageIdsJson?: string;

  /** The run's message ids as written before messageIdsJson (read, never written). */
  @Prop({ type: [String], default: undefined })
  messageIds?: string[];
}

export const OcppMessageSchema = SchemaFactory.createForClass(OcppMessageDocument);
OcppMessageSchema.index({ tenantId: 1, stationId: 1, at: -1, _id: -1 });
OcppMessageSchema.index({ tenantId: 1, at: -1, _id: -1 });
