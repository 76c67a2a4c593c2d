import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'When the driver leaves and how full the battery should be by then' })
export class ChargingPreferences {
  @Field(() => ID)
  transactionId: string;

  @Field(() => Date, { nullable: true })
  departureAt?: Date;

  @Field(() => Number, { nullable: true, description: 'Percent' })
  targetSoc?: number;
}
