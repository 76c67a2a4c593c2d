import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One OCPI request and its answer, either way, without bodies (like the OCPP message log: what flowed,
 * not what it carried; payloads hold tokens and personal data).
 */
@Schema({ collection: 'ocpi_messages', versionKey: false })
export class OcpiMessageDocument extends TenantDocument {
  /** Absent for a request no partner could be matched to (a wrong token). */
  @Prop()
  partnerId?: string;

  /** 'in': the partner called us; 'out': we called the partner. */
  @Prop({ required: true })
  direction: string;

  @Prop({ required: true })
  method: string;

  /** The URL without its query string's secrets (OCPI puts none there) and without the host for 'in'. */
  @Prop({ required: true })
  url: string;

  @Prop()
  module?: string;

  @Prop()
  requestId?: string;

  @Prop()
  correlationId?: string;

  /** Absent when no answer came (network error, timeout). */
  @Prop()
  httpStatus?: number;

  @Prop()
  ocpiStatus?: number;

  @Prop()
  statusMessage?: string;

  @Prop()
  error?: string;

  @Prop({ required: true })
  requestBytes: number;

  @Prop()
  responseBytes?: number;

  @Prop({ required: true })
  latencyMs: number;

  @Prop({ required: true })
  at: Date;
}

export const OcpiMessageSchema = SchemaFactory.createForClass(OcpiMessageDocument);
OcpiMessageSchema.index({ tenantId: 1, at: -1, _id: -1 });
OcpiMessageSchema.index({ tenantId: 1, partnerId: 1, at: -1, _id: -1 });
