import { Field, Int, ObjectType } from '@nestjs/graphql';
import { User } from './user.model';

@ObjectType()
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => User)
  user: User;

  @Field(() => Int, {
    description: 'Seconds until the token expires (12 h by default; longer for demo users)',
  })
  expiresIn: number;
}
