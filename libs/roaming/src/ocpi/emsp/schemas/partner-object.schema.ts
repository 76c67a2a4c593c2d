import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export type PartnerModule = 'locations' | 'sessions' | 'cdrs' | 'tariffs';

/**
 * An object a CPO partner owns and shares with us (we are its eMSP): a location, session, CDR or tariff,
 * kept as the partner sent it (`data`, OCPI JSON of `version`), with what we look it up by.
 */
@Schema({
  collection: 'roaming_partner_objects',
  minimize: false,
  timestamps: { createdAt: true, updatedAt: false },
})
export class PartnerObjectDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ type: String, required: true })
  module: PartnerModule;

  @Prop({ required: true })
  countryCode: string;

  @Prop({ required: true })
  partyId: string;

  /** Upper-cased (OCPI ids are CiStrings). */
  @Prop({ required: true })
  objectId: string;

  @Prop({ required: true })
  version: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  data: Record<string, unknown>;

  /** Our user the object belongs to (sessions and CDRs of our drivers' tokens). */
  @Prop()
  userId?: string;

  @Prop({ required: true })
  lastUpdated: Date;

  createdAt?: Date;
}

export const PartnerObjectSchema = SchemaFactory.createForClass(PartnerObjectDocument);
PartnerObjectSchema.index(
  { tenantId: 1, partnerId: 1, module: 1, countryCode: 1, partyId: 1, objectId: 1 },
  { unique: true },
);
PartnerObjectSchema.index({ tenantId: 1, module: 1, _id: 1 });
PartnerObjectSchema.index({ tenantId: 1, module: 1, userId: 1 });
