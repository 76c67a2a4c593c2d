import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A card (or other method) a driver pays with; the default one is charged' })
export class PaymentMethod {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  brand?: string;

  @Field(() => String, { nullable: true })
  last4?: string;

  @Field(() => Int, { nullable: true })
  expMonth?: number;

  @Field(() => Int, { nullable: true })
  expYear?: number;

  @Field()
  isDefault: boolean;
}
