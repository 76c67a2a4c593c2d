import { ConnectionType } from '@csms/common';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('InvoiceLine', { description: 'One pricing dimension of one session, excluding tax' })
export class InvoiceLineModel {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Float)
  amount: number;

  @Field(() => ID, { nullable: true })
  transactionId?: string;

  @Field(() => String, { nullable: true, description: 'ENERGY, TIME, PARKING_TIME or FLAT' })
  dimension?: string;
}

@ObjectType('Invoice', { description: 'An invoice as last mirrored from the payment provider' })
export class InvoiceModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  number?: string;

  @Field({ description: 'draft, open (unpaid), paid, void or uncollectible' })
  status: string;

  @Field(() => Float, { description: 'Total including tax' })
  amount: number;

  @Field()
  currency: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  paidAt?: Date;

  @Field(() => String, { nullable: true, description: 'The PDF (or the provider’s invoice page)' })
  downloadUrl?: string;

  @Field(() => ID)
  userId: string;

  @Field(() => [ID])
  transactionIds: string[];

  @Field(() => [InvoiceLineModel])
  lines: InvoiceLineModel[];

  @Field(() => Int)
  paymentAttempts: number;

  @Field(() => String, { nullable: true, description: 'Why the last payment failed' })
  lastPaymentError?: string;
}

export const InvoiceConnection = ConnectionType(InvoiceModel, 'Invoice');
