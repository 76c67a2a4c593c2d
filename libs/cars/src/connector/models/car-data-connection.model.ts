import { UserConnectionModel } from '@csms/connections';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CarDataGrantType } from '../car-connector-settings';

@ObjectType('CarStateOfChargeReading', { description: 'A state of charge read from a car' })
export class CarStateOfChargeReadingModel {
  @Field(() => Float, { description: 'Percent' })
  stateOfCharge: number;

  @Field(() => Date, { description: 'When the car measured it' })
  measuredAt: Date;

  @Field(() => Date, { description: 'When it was read from the service' })
  readAt: Date;

  @Field(() => Float, { nullable: true, description: 'km' })
  odometerKm?: number;

  @Field(() => Float, { nullable: true, description: 'Remaining range, km' })
  rangeKm?: number;

  @Field({ description: 'The session it was read for' })
  transactionId: string;
}

@ObjectType('CarDataConnection', { description: "The caller's link to the tenant's car-data service" })
export class CarDataConnectionModel {
  @Field({ description: 'Whether the tenant runs a car-data connector' })
  available: boolean;

  @Field()
  name: string;

  @Field(() => CarDataGrantType)
  grantType: CarDataGrantType;

  @Field({
    description:
      'Whether your cars are read: your account is connected (authorization code), or the tenant’s account reads them (client credentials)',
  })
  connected: boolean;

  @Field(() => UserConnectionModel, {
    nullable: true,
    description: 'Your own connection (authorization code)',
  })
  connection?: UserConnectionModel;

  @Field(() => CarStateOfChargeReadingModel, { nullable: true, description: 'The last state of charge read' })
  lastReading?: CarStateOfChargeReadingModel;
}
