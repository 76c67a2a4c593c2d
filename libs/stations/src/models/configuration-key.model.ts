import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class ConfigurationKey {
  @Field()
  key: string;

  @Field(() => String, { nullable: true })
  value?: string;

  @Field(() => Boolean, { nullable: true })
  readonly?: boolean;
}
