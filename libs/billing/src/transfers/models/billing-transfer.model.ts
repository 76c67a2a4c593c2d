import { ConnectionType } from '@csms/common';
import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum BillingTransferStatus {
  WAITING = 'WAITING',
  PENDING = 'PENDING',
  TRANSFERRED = 'TRANSFERRED',
  NOT_TRANSFERRED = 'NOT_TRANSFERRED',
  FAILED = 'FAILED',
}
registerEnumType(BillingTransferStatus, {
  name: 'BillingTransferStatus',
  description:
    'WAITING: the account has not completed onboarding (sent once it has); PENDING: being sent; TRANSFERRED; NOT_TRANSFERRED: no account for the site or its company, or the fee covers the session; FAILED: Stripe refused it',
});

@ObjectType('BillingTransfer', {
  description:
    'A paid session paid out to the connected account of its site (or company), less the platform fee',
})
export class BillingTransferModel {
  @Field(() => ID, { description: 'The session (transaction) id' })
  transactionId: string;

  @Field(() => ID)
  invoiceId: string;

  @Field(() => BillingTransferStatus)
  status: BillingTransferStatus;

  @Field(() => String, { nullable: true })
  reason?: string;

  @Field(() => ID, { nullable: true, description: 'The connected account (acct_…)' })
  accountId?: string;

  @Field(() => String, { nullable: true })
  currency?: string;

  @Field(() => Float, { nullable: true, description: 'What the driver paid for the session, tax included' })
  collected?: number;

  @Field(() => Float, { nullable: true })
  platformFee?: number;

  @Field(() => Float, { nullable: true, description: 'collected − platformFee' })
  amount?: number;

  @Field(() => ID, { nullable: true, description: 'The Stripe transfer (tr_…), once made' })
  transferId?: string;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}

export const BillingTransferConnection = ConnectionType(BillingTransferModel, 'BillingTransfer');
