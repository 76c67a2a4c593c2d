import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Who applies a template to a station right now (stations no instance owns: SOAP). */
@Schema({ collection: 'station_template_leases', versionKey: false })
export class TemplateApplicationLeaseDocument {
  /** `<tenantId>/<stationId>`: tenant ids have no slash. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  holder: string;

  @Prop({ required: true })
  expiresAt: Date;
}

export const TemplateApplicationLeaseSchema = SchemaFactory.createForClass(TemplateApplicationLeaseDocument);
