import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('RefundSettings', {
  description: 'A tenant’s Concur settings; the client secret is never returned',
})
export class RefundSettingsModel {
  @Field()
  enabled: boolean;

  @Field(() => String, { nullable: true })
  clientId?: string;

  @Field({ description: 'Whether a client secret is set' })
  clientSecretSet: boolean;

  @Field(() => String, { nullable: true, description: 'The client secret’s last 4 characters' })
  clientSecretLast4?: string;

  @Field(() => String, { nullable: true })
  authenticationUrl?: string;

  @Field(() => String, { nullable: true })
  apiUrl?: string;

  @Field()
  scope: string;

  @Field(() => String, { nullable: true })
  expenseTypeCode?: string;

  @Field(() => String, { nullable: true })
  paymentTypeId?: string;

  @Field(() => String, { nullable: true })
  policyId?: string;

  @Field()
  reportName: string;

  @Field({ description: 'The redirect URI to register with the Concur app (GET, on this server)' })
  redirectPath: string;
}
