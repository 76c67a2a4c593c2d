import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A station smart charging stopped sending profiles to (it refused them or did not answer, after
 * the retries): counted as a load nobody controls until an operator includes it again or it reboots.
 */
@Schema({ collection: 'smart_charging_exclusions', timestamps: true })
export class StationExclusionDocument extends TenantDocument {
  @Prop({ required: true })
  stationId: string;

  @Prop({ required: true })
  reason: string;

  @Prop({ required: true })
  excludedAt: Date;
}

export const StationExclusionSchema = SchemaFactory.createForClass(StationExclusionDocument);
StationExclusionSchema.index({ tenantId: 1, stationId: 1 }, { unique: true });
