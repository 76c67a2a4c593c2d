import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One lease of a housekeeping job's lock: `_id` is `<job>:<generation>`, so two instances reaching for
 * the same generation collide on the unique `_id` and only one insert wins. Not tenant-scoped: the
 * jobs run for every tenant.
 */
@Schema({ collection: 'housekeeping_locks', versionKey: false })
export class HousekeepingLockDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  job: string;

  @Prop({ required: true })
  generation: number;

  /** The instance holding the lease. */
  @Prop({ type: String, required: true })
  owner: string;

  @Prop({ required: true })
  acquiredAt: Date;

  @Prop({ required: true })
  expiresAt: Date;

  /** Set by the owner when its run ended: the next instance may take the next generation at once. */
  @Prop()
  releasedAt?: Date;
}

export const HousekeepingLockSchema = SchemaFactory.createForClass(HousekeepingLockDocument);
HousekeepingLockSchema.index({ job: 1, generation: -1 });
