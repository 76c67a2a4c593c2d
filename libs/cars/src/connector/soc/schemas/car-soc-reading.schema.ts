import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A state of charge a session's car reported through the car-data service; its _id is the session
 * and the car's measuring time, so the same reading read twice is stored once.
 */
@Schema({ collection: 'car_soc_readings', versionKey: false })
export class CarSocReadingDocument extends TenantDocument {
  @Prop({ required: true })
  transactionId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  carId: string;

  @Prop({ required: true })
  stateOfCharge: number;

  @Prop()
  odometerKm?: number;

  @Prop()
  rangeKm?: number;

  @Prop({ required: true })
  measuredAt: Date;

  @Prop({ required: true })
  readAt: Date;

  /** Put on the session's curve (false until the session has a point at or after measuredAt). */
  @Prop({ required: true })
  onCurve: boolean;
}

export const CarSocReadingSchema = SchemaFactory.createForClass(CarSocReadingDocument);
CarSocReadingSchema.index({ tenantId: 1, transactionId: 1, measuredAt: -1 });
CarSocReadingSchema.index({ tenantId: 1, userId: 1, readAt: -1 });
