import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A completed session as statistics count it; `_id` is the session's id. */
@Schema({ collection: 'statistics_sessions', timestamps: { createdAt: false, updatedAt: true } })
export class SessionFactDocument extends TenantDocument {
  @Prop({ required: true })
  chargingStationId: string;

  @Prop({ required: true })
  connectorId: number;

  @Prop()
  userId?: string;

  @Prop()
  tagId?: string;

  /** The user, or the badge without a user (see driverKeyOf). */
  @Prop({ required: true })
  driverKey: string;

  /** '' when the station stood in no site area (and so on up). */
  @Prop({ required: true })
  siteAreaId: string;

  @Prop({ required: true })
  siteId: string;

  @Prop({ required: true })
  companyId: string;

  @Prop({ required: true })
  timeZone: string;

  @Prop({ required: true })
  startedAt: Date;

  @Prop({ required: true })
  stoppedAt: Date;

  @Prop({ required: true })
  localDay: string;

  @Prop({ required: true })
  localHour: number;

  @Prop({ required: true })
  weekday: number;

  /** Measures in their fixed order (see measures.ts). */
  @Prop({ type: [Number], required: true })
  measures: number[];

  @Prop()
  currency?: string;

  updatedAt?: Date;
}

export const SessionFactSchema = SchemaFactory.createForClass(SessionFactDocument);
// Unique through _id; they are what FerretDB can use (it builds unique indexes only): a station's, site
// area's, site's sessions of a day and a driver's of a month (recomputing rollups; a missing place is
// stored as '' so that it is looked up like any other), a zone's of some days (edges of a range).
SessionFactSchema.index({ tenantId: 1, chargingStationId: 1, localDay: 1, _id: 1 }, { unique: true });
SessionFactSchema.index({ tenantId: 1, siteAreaId: 1, localDay: 1, _id: 1 }, { unique: true });
SessionFactSchema.index({ tenantId: 1, siteId: 1, localDay: 1, _id: 1 }, { unique: true });
SessionFactSchema.index({ tenantId: 1, driverKey: 1, localDay: 1, _id: 1 }, { unique: true });
SessionFactSchema.index({ tenantId: 1, timeZone: 1, localDay: 1, _id: 1 }, { unique: true });
