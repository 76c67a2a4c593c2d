import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A command we (the eMSP) sent a CPO partner for one of our drivers, with its answer and result. */
@Schema({ collection: 'roaming_partner_commands', timestamps: { createdAt: true, updatedAt: false } })
export class PartnerCommandDocument extends TenantDocument {
  @Prop({ required: true })
  partnerId: string;

  @Prop({ required: true })
  command: string;

  @Prop()
  userId?: string;

  @Prop()
  locationId?: string;

  @Prop()
  evseUid?: string;

  @Prop()
  sessionId?: string;

  /** The CPO's immediate answer (CommandResponseType), or why it could not be asked. */
  @Prop()
  response?: string;

  /** The charge point's result (CommandResultType), POSTed to us later. */
  @Prop()
  result?: string;

  @Prop()
  message?: string;

  @Prop()
  timeoutAt?: Date;

  @Prop()
  resultAt?: Date;

  createdAt: Date;
}

export const PartnerCommandSchema = SchemaFactory.createForClass(PartnerCommandDocument);
