import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ConnectedAccountOwnerType {
  COMPANY = 'COMPANY',
  SITE = 'SITE',
}
registerEnumType(ConnectedAccountOwnerType, {
  name: 'ConnectedAccountOwnerType',
  description: 'Whom a Stripe Connect account pays out to: a company (all its sites) or one site',
});

export enum ConnectedAccountState {
  PENDING = 'PENDING',
  RESTRICTED = 'RESTRICTED',
  ACTIVE = 'ACTIVE',
}
registerEnumType(ConnectedAccountState, {
  name: 'ConnectedAccountStatus',
  description:
    'PENDING: onboarding not completed; RESTRICTED: onboarded, transfers not yet allowed by Stripe; ACTIVE: receives transfers',
});

@ObjectType('ConnectedAccount', {
  description:
    'A Stripe Connect account of a company or site: paid sessions there are transferred to it, less the platform fee',
})
export class ConnectedAccountModel {
  @Field(() => ID, { description: 'The Stripe account id (acct_…)' })
  id: string;

  @Field(() => ConnectedAccountOwnerType)
  ownerType: ConnectedAccountOwnerType;

  @Field(() => ID, { description: 'The company or site' })
  ownerId: string;

  @Field(() => ID)
  companyId: string;

  @Field(() => ID, { nullable: true })
  siteId?: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  country?: string;

  @Field(() => ConnectedAccountState)
  status: ConnectedAccountState;

  @Field()
  chargesEnabled: boolean;

  @Field()
  payoutsEnabled: boolean;

  @Field()
  detailsSubmitted: boolean;

  @Field()
  transfersEnabled: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}

@ObjectType('ConnectedAccountOnboardingLink', {
  description: 'Where the account holder completes their details at Stripe; it expires within minutes',
})
export class ConnectedAccountOnboardingLinkModel {
  @Field()
  url: string;
}
