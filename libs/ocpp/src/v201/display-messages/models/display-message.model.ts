import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DisplayMessage', { description: "A message on an OCPP 2.0.1 station's display" })
export class DisplayMessageModel {
  @Field(() => Int, { description: "The station's message id" })
  id: number;

  @Field({ description: 'AlwaysFront, InFront or NormalCycle' })
  priority: string;

  @Field(() => String, { nullable: true, description: 'Charging, Faulted, Idle or Unavailable' })
  state?: string;

  @Field(() => Date, { nullable: true })
  startDateTime?: Date;

  @Field(() => Date, { nullable: true })
  endDateTime?: Date;

  @Field(() => String, { nullable: true, description: 'The ocppTransactionId it is shown during' })
  ocppTransactionId?: string;

  @Field({ description: 'ASCII, HTML, URI or UTF8' })
  format: string;

  @Field(() => String, { nullable: true })
  language?: string;

  @Field()
  content: string;

  @Field({ description: '"Set" through this API (the station accepted it) or "Reported" by the station' })
  source: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}
