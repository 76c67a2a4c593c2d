import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A DataTransfer a station sent, kept whether or not anyone handles its vendor. */
@Schema({ collection: 'station_data_transfers', timestamps: { createdAt: true, updatedAt: false } })
export class StationDataTransferDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  chargingStationId: string;

  /** Not `required`: mongoose refuses '' there, and OCPP allows an empty vendor id. */
  @Prop({ type: String })
  vendorId: string;

  @Prop()
  messageId?: string;

  @Prop()
  data?: string;

  @Prop({ type: String, required: true })
  status: string;

  @Prop()
  responseData?: string;

  createdAt?: Date;
}

export const StationDataTransferSchema = SchemaFactory.createForClass(StationDataTransferDocument);
StationDataTransferSchema.index({ tenantId: 1, chargingStationId: 1, createdAt: -1 });
