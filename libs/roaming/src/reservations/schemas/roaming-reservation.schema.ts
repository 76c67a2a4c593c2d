import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A partner's reservation at one of our stations: its own reservation id, and the OCPP reservation id
 * we gave the station (unique in the tenant, so no partner can replace or cancel another's).
 */
@Schema({ collection: 'roaming_reservations', timestamps: true })
export class RoamingReservationDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ required: true })
  partnerReservationId: string;

  @Prop({ required: true })
  ocppReservationId: number;

  @Prop({ required: true })
  stationId: string;

  @Prop({ required: true })
  connectorId: number;

  @Prop({ required: true })
  expiresAt: Date;
}

export const RoamingReservationSchema = SchemaFactory.createForClass(RoamingReservationDocument);
RoamingReservationSchema.index({ tenantId: 1, partnerId: 1, partnerReservationId: 1 }, { unique: true });
RoamingReservationSchema.index({ tenantId: 1, ocppReservationId: 1 }, { unique: true });
