import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'cars', timestamps: true })
export class CarDocument extends TenantDocument {
  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  carModelId: string;

  @Prop()
  vin?: string;

  @Prop()
  licensePlate?: string;

  @Prop()
  converterPowerKw?: number;

  @Prop()
  converterPhases?: number;

  @Prop()
  converterAmpsPerPhase?: number;

  /** The car a session takes when none is chosen (at most one per user). */
  @Prop({ default: false })
  isDefault: boolean;

  createdAt?: Date;
}

export const CarSchema = SchemaFactory.createForClass(CarDocument);
// Unique through _id (FerretDB builds unique indexes only): a user's cars, a car by VIN.
CarSchema.index({ tenantId: 1, userId: 1, _id: 1 }, { unique: true });
CarSchema.index({ tenantId: 1, vin: 1, _id: 1 }, { unique: true });
