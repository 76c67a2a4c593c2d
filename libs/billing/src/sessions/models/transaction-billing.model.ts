import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How a session was billed' })
export class TransactionBilling {
  @Field({ description: 'unbilled, pending, billed or failed' })
  status: string;

  @Field(() => String, { nullable: true, description: 'Why it is unbilled or failed' })
  reason?: string;

  @Field(() => ID, { nullable: true })
  invoiceId?: string;

  @Field(() => String, { nullable: true })
  invoiceNumber?: string;
}
