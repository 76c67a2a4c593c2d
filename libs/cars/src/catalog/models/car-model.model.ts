import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CarModelSource } from '../car-model';

registerEnumType(CarModelSource, { name: 'CarModelSource' });

@ObjectType('ChargingCurvePoint', { description: 'DC power the car accepts at a state of charge' })
export class ChargingCurvePointModel {
  @Field(() => Float, { description: 'State of charge, %' })
  soc: number;

  @Field(() => Float)
  powerKw: number;
}

@ObjectType('CarModel', {
  description: 'A car model of the catalog (Open EV Data, or added by a super admin)',
})
export class CarModelModel {
  @Field(() => ID)
  id: string;

  @Field()
  brand: string;

  @Field()
  model: string;

  @Field(() => String, { nullable: true })
  variant?: string;

  @Field(() => Int, { nullable: true })
  releaseYear?: number;

  @Field(() => String, { nullable: true, description: '`car` or `motorbike`' })
  vehicleType?: string;

  @Field(() => String, { nullable: true, description: '`bev` (battery electric) or `phev` (plug-in hybrid)' })
  drivetrain?: string;

  @Field(() => Float, { nullable: true, description: 'Usable battery capacity, kWh' })
  batteryKwh?: number;

  @Field(() => Float, { nullable: true, description: 'Most AC power the on-board charger takes, kW' })
  acMaxKw?: number;

  @Field(() => Int, { nullable: true, description: 'Phases the on-board charger uses' })
  acPhases?: number;

  @Field(() => [String])
  acPorts: string[];

  @Field(() => Float, { nullable: true, description: 'Most DC power, kW' })
  dcMaxKw?: number;

  @Field(() => [String])
  dcPorts: string[];

  @Field(() => [ChargingCurvePointModel], { description: 'DC power by state of charge, ascending' })
  dcChargingCurve: ChargingCurvePointModel[];

  @Field(() => Float, { nullable: true })
  averageConsumptionKwhPer100Km?: number;

  @Field(() => CarModelSource)
  source: CarModelSource;

  @Field()
  updatedAt: Date;
}
