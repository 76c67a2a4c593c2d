import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('UserGroup', {
  description: 'Users and badges priced together (a tariff assignment may be narrowed to it)',
})
export class UserGroupModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [ID])
  userIds: string[];

  @Field(() => [ID], { description: 'Badges (tag ids) in the group, whoever uses them' })
  tagIds: string[];
}
