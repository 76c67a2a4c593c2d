import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A party connected to a hub partner, as the hub told us (OCPI ClientInfo). */
@Schema({ collection: 'roaming_hub_clients' })
export class HubClientDocument extends TenantDocument {
  @Prop({ required: true })
  hubPartnerId: string;

  @Prop({ required: true })
  countryCode: string;

  @Prop({ required: true })
  partyId: string;

  @Prop({ required: true })
  role: string;

  @Prop({ required: true })
  status: string;

  @Prop({ required: true })
  lastUpdated: Date;
}

export const HubClientSchema = SchemaFactory.createForClass(HubClientDocument);
HubClientSchema.index({ tenantId: 1, hubPartnerId: 1, countryCode: 1, partyId: 1 }, { unique: true });
