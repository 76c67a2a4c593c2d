import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A credentials token of ours that a partner presents, by its SHA-256 digest (the `_id`, so every
 * request's lookup is one primary-key read). TOKEN_A lets a partner register and nothing else;
 * CREDENTIALS is the token of a registered partner (B or C, by who started the exchange).
 */
@Schema({ collection: 'roaming_partner_tokens', timestamps: { createdAt: true, updatedAt: false } })
export class PartnerTokenDocument {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  tenantId: string;

  @Prop({ required: true })
  partnerId: string;

  @Prop({ type: String, required: true })
  kind: PartnerTokenKind;

  createdAt?: Date;
}

export type PartnerTokenKind = 'TOKEN_A' | 'CREDENTIALS';

export const PartnerTokenSchema = SchemaFactory.createForClass(PartnerTokenDocument);
PartnerTokenSchema.index({ tenantId: 1, partnerId: 1 });
