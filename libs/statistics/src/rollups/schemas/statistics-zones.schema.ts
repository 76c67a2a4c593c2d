import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The time zones a tenant's rollups are kept in: a query reads each zone's rollups. `_id` is the tenant. */
@Schema({ collection: 'statistics_zones' })
export class StatisticsZonesDocument extends TenantDocument {
  @Prop({ type: [String], default: [] })
  zones: string[];
}

export const StatisticsZonesSchema = SchemaFactory.createForClass(StatisticsZonesDocument);
