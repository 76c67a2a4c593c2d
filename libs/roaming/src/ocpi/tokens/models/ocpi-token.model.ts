import { ConnectionType } from '@csms/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "An eMSP partner's token, pushed to us or pulled (we are its CPO)" })
export class OcpiToken {
  @Field(() => ID)
  partnerId: string;

  @Field()
  countryCode: string;

  @Field()
  partyId: string;

  @Field({ description: 'The uid a station reads (RFID UID), as the idTag' })
  uid: string;

  @Field({ description: 'AD_HOC_USER, APP_USER, OTHER or RFID' })
  type: string;

  @Field()
  contractId: string;

  @Field(() => String, { nullable: true })
  visualNumber?: string;

  @Field()
  issuer: string;

  @Field()
  valid: boolean;

  @Field({ description: 'ALWAYS, ALLOWED, ALLOWED_OFFLINE or NEVER' })
  whitelist: string;

  @Field()
  lastUpdated: Date;
}

export const OcpiTokenConnection = ConnectionType(OcpiToken);
