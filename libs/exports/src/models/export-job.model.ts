import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ExportStatus {
  /** Waiting for its download link to be opened. */
  READY = 'READY',
  STREAMING = 'STREAMING',
  COMPLETED = 'COMPLETED',
  /** The download broke off (the link may be opened again until it expires). */
  INTERRUPTED = 'INTERRUPTED',
  FAILED = 'FAILED',
}

registerEnumType(ExportStatus, { name: 'ExportStatus' });

@ObjectType({
  description:
    'A CSV export: its rows are streamed when downloadUrl is opened (before expiresAt); progress in rowsWritten / totalRows',
})
export class ExportJob {
  @Field(() => ID)
  id: string;

  tenantId: string;

  @Field({ description: 'sessions, charging-stations, users, tags, statistics, ocpp-messages…' })
  kind: string;

  @Field(() => ExportStatus)
  status: ExportStatus;

  @Field(() => Int)
  rowsWritten: number;

  @Field(() => Int, { description: 'Counted when the export was asked for' })
  totalRows: number;

  @Field({ description: 'A signed link, valid until expiresAt; no other credentials needed' })
  downloadUrl: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => String, { nullable: true })
  error?: string;

  /** Not exposed: who asked, and what. */
  principal: Record<string, unknown>;
  filter?: unknown;
}
