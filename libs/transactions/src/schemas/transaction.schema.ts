import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { SessionPriceAmount, Tariff } from '@csms/pricing';
import { MeterValue } from '../ports/transaction-inbound.port';

@Schema({ collection: 'transactions', timestamps: true })
export class TransactionDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  ocppTransactionId: string;

  @Prop({ type: String, required: true })
  chargingStationId: string;

  @Prop({ required: true })
  connectorId: number;

  @Prop()
  tagId?: string;

  @Prop()
  parentTagId?: string;

  @Prop()
  authorizationStatus?: string;

  @Prop({ type: String })
  userId?: string;

  @Prop({ required: true })
  active: boolean;

  @Prop({ required: true })
  startedAt: Date;

  @Prop()
  stoppedAt?: Date;

  @Prop({ required: true })
  meterStartWh: number;

  @Prop()
  meterStopWh?: number;

  @Prop({ default: 0 })
  energyWh: number;

  @Prop()
  stopReason?: string;

  @Prop()
  stopTagId?: string;

  @Prop()
  reservationId?: number;

  @Prop()
  lastMeterValueAt?: Date;

  /** StopTransaction.transactionData as the station sent it. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  transactionData?: MeterValue[];

  /** The tariff as it was when the session started: the whole object, not a reference. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  tariff?: Tariff;

  @Prop()
  tariffTimeZone?: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  price?: SessionPriceAmount;

  createdAt?: Date;
}

export const TransactionSchema = SchemaFactory.createForClass(TransactionDocument);
// 1.x ids are unique in the tenant (server-assigned); 2.0.1 ids only per station.
TransactionSchema.index({ tenantId: 1, chargingStationId: 1, ocppTransactionId: 1 }, { unique: true });
TransactionSchema.index({ tenantId: 1, chargingStationId: 1, connectorId: 1, active: 1 });
TransactionSchema.index({ tenantId: 1, chargingStationId: 1, connectorId: 1, tagId: 1, startedAt: 1 });
TransactionSchema.index({ tenantId: 1, startedAt: -1, _id: -1 });
TransactionSchema.index({ tenantId: 1, userId: 1, startedAt: -1 });
