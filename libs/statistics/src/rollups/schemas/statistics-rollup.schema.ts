import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A rollup (see bucket.ts); `_id` is derived from its group and period, so writes are idempotent. */
@Schema({ collection: 'statistics_rollups', timestamps: { createdAt: false, updatedAt: true } })
export class StatisticsRollupDocument extends TenantDocument {
  @Prop({ required: true })
  family: string;

  @Prop({ required: true })
  scale: string;

  @Prop({ required: true })
  period: string;

  @Prop({ required: true })
  timeZone: string;

  @Prop({ required: true })
  owner: string;

  @Prop()
  chargingStationId?: string;

  @Prop()
  userId?: string;

  @Prop()
  tagId?: string;

  @Prop()
  siteAreaId?: string;

  @Prop()
  siteId?: string;

  @Prop()
  companyId?: string;

  @Prop({ type: [Number], required: true })
  totals: number[];

  /** Flat [index, measures...] runs (FerretDB stores no nested arrays). */
  @Prop({ type: [Number], default: [] })
  parts: number[];

  @Prop({ type: [Number] })
  hours?: number[];

  @Prop({ type: [Number] })
  weekdays?: number[];
}

export const StatisticsRollupSchema = SchemaFactory.createForClass(StatisticsRollupDocument);
// Queries: one family's rollups of a scale, zone and periods. Recomputing: an owner's of some periods.
StatisticsRollupSchema.index(
  { tenantId: 1, family: 1, scale: 1, timeZone: 1, period: 1, _id: 1 },
  { unique: true },
);
StatisticsRollupSchema.index(
  { tenantId: 1, family: 1, owner: 1, scale: 1, period: 1, _id: 1 },
  { unique: true },
);
