import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "Where to send the user's browser to grant access; good once, until expiresAt" })
export class OAuth2Authorization {
  @Field()
  url: string;

  @Field(() => Date)
  expiresAt: Date;
}
