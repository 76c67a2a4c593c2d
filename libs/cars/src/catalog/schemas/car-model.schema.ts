import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A catalog entry: global (no tenant), its `_id` the Open EV Data id or a new id for hand-made ones. */
@Schema({ collection: 'car_models', timestamps: { createdAt: false, updatedAt: true } })
export class CarModelDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  brand: string;

  @Prop({ required: true })
  model: string;

  @Prop()
  variant?: string;

  /** "brand model variant" in lower case: the order of lists and what search matches. */
  @Prop({ required: true })
  sortKey: string;

  @Prop()
  releaseYear?: number;

  @Prop()
  vehicleType?: string;

  @Prop()
  drivetrain?: string;

  @Prop()
  batteryKwh?: number;

  @Prop()
  acMaxKw?: number;

  @Prop()
  acPhases?: number;

  @Prop({ type: [String], default: [] })
  acPorts: string[];

  @Prop()
  dcMaxKw?: number;

  @Prop({ type: [String], default: [] })
  dcPorts: string[];

  /** Flat [soc, kW, soc, kW, …] pairs (FerretDB stores no arrays of arrays; objects cost more). */
  @Prop({ type: [Number], default: [] })
  dcChargingCurve: number[];

  @Prop()
  averageConsumptionKwhPer100Km?: number;

  @Prop({ required: true })
  source: string;

  updatedAt?: Date;
}

export const CarModelSchema = SchemaFactory.createForClass(CarModelDocument);
// Unique through _id (FerretDB builds unique indexes only): lists in name order, by brand.
CarModelSchema.index({ sortKey: 1, _id: 1 }, { unique: true });
CarModelSchema.index({ brand: 1, sortKey: 1, _id: 1 }, { unique: true });
