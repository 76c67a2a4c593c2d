import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CommandResult', { description: "A remote command's outcome: the station's own answer word" })
export class CommandResultModel {
  @Field({ description: 'Accepted, Rejected, Unlocked, … as the station answered' })
  status: string;

  @Field(() => String, { nullable: true, description: 'Further detail the station returned, as JSON' })
  data?: string;
}
