import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../role';

@ObjectType({
  description:
    'An API key of a technical user (an integration): a bearer token with a role, without a password',
})
export class ApiKey {
  @Field(() => ID)
  id: string;

  tenantId: string;

  @Field()
  name: string;

  @Field({ description: 'The start of the secret (vg_live_<tenant>_…), to recognise the key' })
  prefix: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [ID], { description: 'With role BASIC: the sites it administers, as a site admin would' })
  siteAdminSiteIds: string[];

  @Field(() => [ID], { description: 'With role BASIC: the sites it reads, as a site owner would' })
  siteOwnerSiteIds: string[];

  /** Set per key; null: API_KEY_RATE_LIMIT_PER_MINUTE (see `rateLimitPerMinute`). */
  ownRateLimitPerMinute?: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date;

  @Field(() => Date, { nullable: true, description: 'Recorded within a few seconds of each use' })
  lastUsedAt?: Date;

  @Field(() => String, { nullable: true, description: 'The client address of the last use' })
  lastUsedIp?: string;

  @Field(() => Date, { nullable: true })
  revokedAt?: Date;

  @Field(() => String, { description: 'The user (email) or key (name) that created it' })
  createdBy: string;

  createdById: string;
}
