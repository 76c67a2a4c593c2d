import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Who this tenant is to roaming partners: the country code and party id its locations, sessions and tokens carry (eMI3 EVSE ids too), and its business details',
})
export class OcpiIdentity {
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "DE"' })
  countryCode: string;

  @Field({ description: 'Three letters or digits (ISO 15118), e.g. "VGC"' })
  partyId: string;

  @Field()
  businessName: string;

  @Field(() => String, { nullable: true })
  website?: string;
}
