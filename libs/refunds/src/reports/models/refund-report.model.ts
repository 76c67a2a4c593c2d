import { ConnectionType } from '@csms/common';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { RefundStatus } from '../refund-report';
import { RefundStatusEnum } from './refund-status.enum';

@ObjectType({ description: 'One session’s expense entry' })
export class RefundEntryModel {
  @Field(() => ID)
  transactionId: string;

  @Field(() => Float, { description: 'What the session cost, VAT included' })
  amount: number;

  @Field()
  currency: string;

  @Field({ description: 'The day of the session on the site’s clock (YYYY-MM-DD)' })
  date: string;

  @Field(() => String, { nullable: true, description: 'The city of the station’s site' })
  city?: string;

  @Field(() => ID)
  chargingStationId: string;

  @Field(() => Float)
  energyWh: number;

  @Field(() => ID, { nullable: true, description: 'Concur’s expense entry, once created' })
  concurEntryId?: string;
}

@ObjectType('RefundReport', { description: 'An expense report in Concur for a set of the user’s sessions' })
export class RefundReportModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  userId: string;

  @Field()
  name: string;

  @Field(() => RefundStatusEnum)
  status: RefundStatus;

  @Field(() => [RefundEntryModel])
  entries: RefundEntryModel[];

  @Field(() => ID, { nullable: true, description: 'Concur’s report ID, once created' })
  concurReportId?: string;

  @Field(() => String, { nullable: true, description: 'Concur’s approval status code, as last read' })
  concurStatus?: string;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, cancelled or failed' })
  reason?: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  submittedAt?: Date;

  @Field(() => Date, { nullable: true })
  decidedAt?: Date;
}

export const RefundReportConnection = ConnectionType(RefundReportModel, 'RefundReport');

@ObjectType({ description: 'Where a session stands in refunds' })
export class TransactionRefund {
  @Field(() => RefundStatusEnum)
  status: RefundStatus;

  @Field(() => ID, { description: 'The RefundReport it is in' })
  reportId: string;
}
