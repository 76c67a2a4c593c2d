import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { Address } from '../../shared/address.model';

@Schema({ collection: 'companies', timestamps: true })
export class CompanyDocument extends TenantDocument {
  @Prop({ required: true })
  name: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  address?: Address;

  createdAt?: Date;
}

export const CompanySchema = SchemaFactory.createForClass(CompanyDocument);
CompanySchema.index({ tenantId: 1, name: 1 });
