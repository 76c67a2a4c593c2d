import { alsoOnFerretDb, TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One MeterValue of a session: the computed curve point and the raw samples (signed data included).
 * Only figures something reads are fields: each costs the embedded database per point (four more
 * numeric fields took 13 % off the durable floor's rate), so the register reading, which nothing
 * queries, stays in the raw samples.
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

  @Prop({ required: true })
  cumulatedWh: number;

  @Prop()
  instantWatts?: number;

  @Prop()
  instantAmps?: number;

  @Prop()
  instantAmpsL1?: number;

  @Prop()
  instantAmpsL2?: number;

  @Prop()
  instantAmpsL3?: number;

  @Prop()
  voltage?: number;

  @Prop()
  stateOfCharge?: number;

  /** CAR when the state of charge was read from the car (a car-data service); absent: the station's. */
  @Prop()
  stateOfChargeSource?: string;

  /** When the car measured the state of charge set on this point (a newer reading replaces it). */
  @Prop()
  carStateOfChargeAt?: Date;

  @Prop()
  limitWatts?: number;

  @Prop()
  amount?: number;

  @Prop()
  cumulatedAmount?: number;

  /**
   * The raw samples (signed meter data included) as JSON text: an archive that is never queried, and
   * one string costs the embedded database a fraction of what a nested array of objects does.
   */
  @Prop({ type: String, required: true })
  sampledValuesJson: string;
}

export const ConsumptionSchema = SchemaFactory.createForClass(ConsumptionDocument);
// A session's curve: its last point is read for every session resumed after a restart (all stations
// reconnecting at once), its points for a session's price and the GraphQL curve. Kept on FerretDB,
// where without it each of those reads decoded every point of every session.
ConsumptionSchema.index({ tenantId: 1, transactionId: 1, timestamp: 1 }, alsoOnFerretDb());
