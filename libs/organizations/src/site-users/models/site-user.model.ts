import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SiteUserRole } from './site-user-role';

@ObjectType({ description: "A user's role on a site" })
export class SiteUser {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  siteId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => SiteUserRole)
  role: SiteUserRole;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
