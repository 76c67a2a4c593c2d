import { TenantDocument } from '@csms/database';
import { Tariff } from '@csms/pricing';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { RoamingAuthMethod, RoamingTokenRef } from '../../authorizations/roaming-authorization';
import { RoamingLocation } from '../../locations/roaming-location';
import { RoamingChargingPeriod, RoamingPrice, RoamingSessionStatus } from '../roaming-session';

/** A roaming session we (the CPO) report to the eMSP whose token started it; `_id` is our transaction's id. */
@Schema({ collection: 'roaming_sessions', minimize: false })
export class RoamingSessionDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  token: RoamingTokenRef;

  @Prop({ type: String, required: true })
  authMethod: RoamingAuthMethod;

  @Prop()
  authorizationReference?: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  location: RoamingLocation;

  @Prop({ required: true })
  evseUid: string;

  @Prop({ required: true })
  connectorId: string;

  @Prop({ required: true })
  stationId: string;

  @Prop({ required: true })
  startedAt: Date;

  @Prop()
  endedAt?: Date;

  @Prop({ required: true })
  kwh: number;

  @Prop({ type: String, required: true })
  status: RoamingSessionStatus;

  @Prop({ required: true })
  currency: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  totalCost?: RoamingPrice;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  chargingPeriods: RoamingChargingPeriod[];

  @Prop()
  stopReason?: string;

  @Prop({ type: String })
  errorReported?: 'status' | 'stop';

  @Prop({ type: MongooseSchema.Types.Mixed })
  tariff?: Tariff;

  @Prop({ required: true })
  lastUpdated: Date;
}

export const RoamingSessionSchema = SchemaFactory.createForClass(RoamingSessionDocument);
RoamingSessionSchema.index({ tenantId: 1, partnerId: 1, lastUpdated: 1 });
