import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

@Schema({ collection: 'export_jobs', timestamps: true })
export class ExportJobDocument extends TenantDocument {
  @Prop({ required: true })
  kind: string;

  @Prop({ type: MongooseSchema.Types.Mixed })
  filter?: unknown;

  /** Who asked, as its ability was then: the rows it may list are what the download streams. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  principal: Record<string, unknown>;

  @Prop({ required: true })
  status: string;

  @Prop({ default: 0 })
  rowsWritten: number;

  @Prop({ required: true })
  totalRows: number;

  @Prop({ required: true })
  expiresAt: Date;

  @Prop()
  error?: string;

  createdAt?: Date;
}

export const ExportJobSchema = SchemaFactory.createForClass(ExportJobDocument);
