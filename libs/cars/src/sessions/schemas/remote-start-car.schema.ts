import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A car chosen in a remote start, waiting for the session the station starts with the badge: `_id`
 * is the station's id and the badge's, so a newer choice replaces an older one.
 */
@Schema({ collection: 'remote_start_cars', timestamps: { createdAt: false, updatedAt: false } })
export class RemoteStartCarDocument extends TenantDocument {
  @Prop({ required: true })
  carId: string;

  @Prop({ required: true })
  chosenAt: Date;
}

export const RemoteStartCarSchema = SchemaFactory.createForClass(RemoteStartCarDocument);
