import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StationUrls } from './station-urls.model';

export enum RegistrationTokenStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(RegistrationTokenStatus, { name: 'RegistrationTokenStatus' });

@ObjectType({
  description:
    'Lets new charging stations register themselves (whatever the registration policy) into a site area',
})
export class RegistrationToken {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt?: Date;

  @Field(() => ID, { nullable: true, description: 'Where the stations registering with it are placed' })
  siteAreaId?: string;

  @Field(() => RegistrationTokenStatus)
  status: RegistrationTokenStatus;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The token itself: only in the answer of createRegistrationToken, never again',
  })
  token?: string;

  @Field(() => StationUrls, {
    nullable: true,
    description: 'The URLs to configure in stations: only with `token`, in the answer of its creation',
  })
  stationUrls?: StationUrls;
}
