import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One point of an asset's curve. */
@Schema({ collection: 'asset_readings', versionKey: false })
export class AssetReadingDocument extends TenantDocument {
  @Prop({ required: true })
  assetId: string;

  @Prop({ required: true })
  siteAreaId: string;

  @Prop({ required: true })
  timestamp: Date;

  @Prop({ required: true })
  watts: number;

  @Prop()
  wattsL1?: number;

  @Prop()
  wattsL2?: number;

  @Prop()
  wattsL3?: number;

  @Prop()
  ampsL1?: number;

  @Prop()
  ampsL2?: number;

  @Prop()
  ampsL3?: number;

  @Prop()
  voltsL1?: number;

  @Prop()
  voltsL2?: number;

  @Prop()
  voltsL3?: number;

  @Prop()
  stateOfCharge?: number;
}

export const AssetReadingSchema = SchemaFactory.createForClass(AssetReadingDocument);
// One reading per asset and instant: a reading sent twice (a retried push, two pulls) is stored once.
AssetReadingSchema.index({ tenantId: 1, assetId: 1, timestamp: 1 }, { unique: true });
AssetReadingSchema.index({ tenantId: 1, timestamp: 1 });
