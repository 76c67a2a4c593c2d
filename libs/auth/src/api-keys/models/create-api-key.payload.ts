import { Field, ObjectType } from '@nestjs/graphql';
import { ApiKey } from './api-key.model';

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({
    description:
      'The secret, shown this once: send it as `Authorization: Bearer <secret>`; it cannot be read again',
  })
  secret: string;
}
