import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a frontend needs to collect a card with Stripe.js (confirmCardSetup)' })
export class SetupIntentPayload {
  @Field({ description: 'The SetupIntent client secret' })
  clientSecret: string;

  @Field(() => String, { nullable: true, description: 'The SetupIntent id' })
  setupIntentId?: string;

  @Field(() => String, { nullable: true, description: 'The tenant’s publishable key' })
  publicKey?: string;
}
