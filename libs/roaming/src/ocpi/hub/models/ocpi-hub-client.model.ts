import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A party behind a hub partner and its connection status (OCPI hub client info)' })
export class OcpiHubClient {
  @Field(() => ID)
  hubPartnerId: string;

  @Field()
  countryCode: string;

  @Field()
  partyId: string;

  @Field()
  role: string;

  @Field({ description: 'CONNECTED, OFFLINE, PLANNED or SUSPENDED' })
  status: string;

  @Field()
  lastUpdated: Date;
}
