import { alsoOnFerretDb, TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One MeterValue of a session: fields for what queries filter and sort on, the computed curve point and
 * the raw samples (signed data included) in one JSON text (see `pointJsonOf`: on the embedded database
 * each field costs per point written). Points written before 2026-12-07 have their figures as fields
 * and their samples in `sampledValuesJson`; the repository reads both.
 */
@Schema({ collection: 'consumptions', versionKey: false })
export class ConsumptionDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  transactionId: string;

  @Prop({ type: String, required: true })
  chargingStationId: string;

  @Prop({ required: true })
  connectorId: number;

  @Prop({ required: true })
  timestamp: Date;

  /** The point's figures and raw samples, `{ figures, sampledValues }` as JSON text. */
  @Prop({ type: String })
  pointJson?: string;

  /**
   * A state of charge read from the car (a car-data service), set after the point was written; the
   * station's own, in the point's figures, wins over it.
   */
  @Prop()
  stateOfCharge?: number;

  /** CAR beside a car's state of charge (on older points, absent means the station's). */
  @Prop()
  stateOfChargeSource?: string;

  /** When the car measured the state of charge set on this point (a newer reading replaces it). */
  @Prop()
  carStateOfChargeAt?: Date;
}

export const ConsumptionSchema = SchemaFactory.createForClass(ConsumptionDocument);
// A session's curve: its last point is read for every session resumed after a restart (all stations
// reconnecting at once), its points for a session's price and the GraphQL curve. Kept on FerretDB,
// where without it each of those reads decoded every point of every session.
ConsumptionSchema.index({ tenantId: 1, transactionId: 1, timestamp: 1 }, alsoOnFerretDb());
