import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MonitorResult', { description: "A station's answer about one variable monitor" })
export class MonitorResultModel {
  @Field(() => Int, { nullable: true, description: 'The monitor id (given by the station when set)' })
  id?: number;

  @Field({
    description:
      'Accepted, Rejected, NotFound, UnknownComponent, UnknownVariable, UnsupportedMonitorType, Duplicate',
  })
  status: string;

  @Field(() => String, { nullable: true })
  component?: string;

  @Field(() => String, { nullable: true })
  variable?: string;

  @Field(() => String, { nullable: true })
  type?: string;

  @Field(() => Int, { nullable: true })
  severity?: number;
}
