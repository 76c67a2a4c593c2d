import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { OcpiConnection, PartnerStatus, PartyIdentity, RoamingProtocol } from '../roaming-partner';

@Schema({ collection: 'roaming_partners', timestamps: true, minimize: false })
export class RoamingPartnerDocument extends TenantDocument {
  @Prop({ type: String, required: true })
  protocol: RoamingProtocol;

  @Prop({ required: true })
  name: string;

  @Prop({ type: String, required: true })
  role: 'CPO' | 'EMSP';

  @Prop({ type: String, required: true })
  status: PartnerStatus;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  roles: PartyIdentity[];

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  ocpi: OcpiConnection;

  @Prop()
  registeredAt?: Date;

  @Prop()
  lastError?: string;

  createdAt: Date;
  updatedAt: Date;
}

export const RoamingPartnerSchema = SchemaFactory.createForClass(RoamingPartnerDocument);
RoamingPartnerSchema.index({ tenantId: 1, status: 1 });
