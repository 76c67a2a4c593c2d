import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AcConverter', { description: 'How a car draws AC power: kW, phases and amps per phase' })
export class AcConverterModel {
  @Field(() => Float)
  powerKw: number;

  @Field(() => Int)
  phases: number;

  @Field(() => Float)
  ampsPerPhase: number;
}

@ObjectType('Car', { description: "A user's car" })
export class CarModelOfUser {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  carModelId: string;

  @Field(() => String, { nullable: true })
  vin?: string;

  @Field(() => String, { nullable: true })
  licensePlate?: string;

  @Field(() => AcConverterModel, {
    nullable: true,
    description: 'As entered, when it differs from the model',
  })
  converter?: AcConverterModel;

  @Field()
  isDefault: boolean;
}
