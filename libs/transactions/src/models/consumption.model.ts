import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One point of a charging curve' })
export class Consumption {
  @Field(() => Date)
  timestamp: Date;

  @Field(() => Float, { nullable: true, description: 'W' })
  instantWatts?: number;

  @Field(() => Float, { nullable: true, description: 'A, all phases together' })
  instantAmps?: number;

  @Field(() => Float, { nullable: true })
  instantAmpsL1?: number;

  @Field(() => Float, { nullable: true })
  instantAmpsL2?: number;

  @Field(() => Float, { nullable: true })
  instantAmpsL3?: number;

  @Field(() => Float, { nullable: true, description: 'V' })
  voltage?: number;

  @Field(() => Float, { description: 'Energy delivered since the session started, Wh' })
  cumulatedWh: number;

  @Field(() => Float, { nullable: true, description: 'State of charge, percent' })
  stateOfCharge?: number;

  @Field(() => Float, { nullable: true, description: 'The limit in force (smart charging), W' })
  limitWatts?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'What the interval ending at this point cost, incl. VAT, in the session’s currency',
  })
  amount?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The session’s price so far, incl. VAT, rounded to the currency’s minor units (priced sessions)',
  })
  cumulatedAmount?: number;
}
