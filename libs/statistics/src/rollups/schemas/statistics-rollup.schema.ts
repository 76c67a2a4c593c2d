import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * A rollup (see bucket.ts): its group's keys in plain fields (what queries filter by) and its sums
 * and breakdowns in one binary value (rollup-data.codec.ts). `_id` is derived from its group and
 * period, so writes are idempotent.
 */
@Schema({ collection: 'statistics_rollups' })
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

  @Prop({ type: MongooseSchema.Types.Buffer, required: true })
  data: Buffer;
}

export const StatisticsRollupSchema = SchemaFactory.createForClass(StatisticsRollupDocument);
// Unique (with _id) so that FerretDB builds and uses them. Queries: a family's rollups of a scale, zone
// and periods; or, when a query pins a site or a user, theirs of any zone. Recomputing: an owner's.
StatisticsRollupSchema.index(
  { tenantId: 1, family: 1, scale: 1, timeZone: 1, period: 1, _id: 1 },
  { unique: true },
);
StatisticsRollupSchema.index(
  { tenantId: 1, family: 1, scale: 1, siteId: 1, period: 1, _id: 1 },
  { unique: true },
);
StatisticsRollupSchema.index(
  { tenantId: 1, family: 1, scale: 1, userId: 1, period: 1, _id: 1 },
  { unique: true },
);
StatisticsRollupSchema.index(
  { tenantId: 1, family: 1, owner: 1, scale: 1, period: 1, _id: 1 },
  { unique: true },
);
