import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class StatisticsPoint {
  @Field()
  period: string;

  @Field(() => Float)
  value: number;
}

@ObjectType({ description: 'One group over the whole axis of periods (zeros where nothing happened)' })
export class StatisticsSeries {
  @Field(() => ID, {
    description:
      "The group's id (a station's OCPP identity, a user's id, ...); empty for sessions in no such group (a station in no site, a badge without user)",
  })
  key: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => [StatisticsPoint])
  points: StatisticsPoint[];

  @Field(() => Float)
  total: number;
}
