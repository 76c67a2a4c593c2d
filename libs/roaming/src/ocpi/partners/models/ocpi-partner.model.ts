import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OcpiAuthorizationHeader, OcpiRole } from './ocpi-enums';

@ObjectType({ description: 'A party the partner speaks for (from the credentials exchange)' })
export class OcpiPartyRole {
  @Field({ description: 'CPO, EMSP, HUB, NSP, NAP, SCSP or OTHER' })
  role: string;

  @Field()
  countryCode: string;

  @Field()
  partyId: string;

  @Field(() => String, { nullable: true })
  businessName?: string;

  @Field(() => String, { nullable: true })
  website?: string;
}

@ObjectType({ description: "One of the partner's endpoints for the negotiated version" })
export class OcpiPartnerEndpoint {
  @Field({ description: 'The module: credentials, locations, sessions, cdrs, tariffs, tokens, commands, …' })
  identifier: string;

  @Field(() => String, { nullable: true, description: 'SENDER or RECEIVER (2.2.1)' })
  role?: string;

  @Field()
  url: string;
}

@ObjectType({ description: 'An OCPI roaming partner' })
export class OcpiPartner {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OcpiRole)
  role: OcpiRole;

  @Field(() => String, {
    nullable: true,
    description: "Its first party's country code (known once registered)",
  })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: "Its first party's party id (known once registered)" })
  partyId?: string;

  @Field(() => String, { nullable: true, description: 'The OCPI version both sides use: 2.2.1 or 2.1.1' })
  version?: string;

  @Field({
    description:
      'PENDING (our token A is out, or our registration is under way), REGISTERED, UNREGISTERED, FAILED (see lastError)',
  })
  status: string;

  @Field(() => [OcpiPartyRole])
  roles: OcpiPartyRole[];

  @Field(() => String, { nullable: true, description: "The partner's versions endpoint" })
  versionsUrl?: string;

  @Field(() => OcpiAuthorizationHeader)
  authorizationHeader: OcpiAuthorizationHeader;

  @Field(() => [OcpiPartnerEndpoint])
  endpoints: OcpiPartnerEndpoint[];

  @Field(() => Date, { nullable: true })
  registeredAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why the last registration step failed' })
  lastError?: string;

  @Field()
  createdAt: Date;
}

@ObjectType({
  description: 'What to hand a partner so that it registers with us (or, when we registered, nothing)',
})
export class OcpiTokenA {
  @Field(() => OcpiPartner)
  partner: OcpiPartner;

  @Field({
    description:
      'Our token A, shown once: the partner uses it to register. Empty when we registered with the partner ourselves.',
  })
  tokenA: string;

  @Field({ description: 'Our versions endpoint, /ocpi/{tenant}/versions' })
  versionsUrl: string;
}
