import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Who told the state of charge of a curve point. */
export enum StateOfChargeSource {
  /** The station's meter values (DC stations, ISO 15118). */
  STATION = 'STATION',
  /** The car itself, through the tenant's car-data connector (AC sessions). */
  CAR = 'CAR',
}

registerEnumType(StateOfChargeSource, {
  name: 'StateOfChargeSource',
  description: 'Who told a curve point’s state of charge; the station’s wins over the car’s',
});

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

  @Field(() => StateOfChargeSource, { nullable: true, description: 'Who told stateOfCharge' })
  stateOfChargeSource?: StateOfChargeSource;

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
