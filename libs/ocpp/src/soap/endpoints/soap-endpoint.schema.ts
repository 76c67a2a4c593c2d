import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Where a SOAP station listens (its last WS-Addressing From) and which OCPP version it speaks. */
@Schema({ collection: 'soap_endpoints', versionKey: false })
export class SoapEndpointDocument extends TenantDocument {
  @Prop({ required: true })
  stationId: string;

  @Prop({ required: true })
  version: string;

  @Prop({ required: true })
  endpoint: string;

  @Prop({ required: true })
  updatedAt: Date;
}

export const SoapEndpointSchema = SchemaFactory.createForClass(SoapEndpointDocument);
SoapEndpointSchema.index({ tenantId: 1, stationId: 1 }, { unique: true });
