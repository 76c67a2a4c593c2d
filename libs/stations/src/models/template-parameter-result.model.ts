import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One configuration key of the last template application' })
export class TemplateParameterResult {
  @Field()
  key: string;

  @Field({ description: 'The value the template asks for' })
  value: string;

  @Field(() => String, { nullable: true, description: 'The value the station reported before' })
  previousValue?: string;

  @Field({
    description:
      'Accepted, Rejected, RebootRequired, NotSupported (the station answer), Unchanged (already set) or Failed (no answer)',
  })
  status: string;
}
