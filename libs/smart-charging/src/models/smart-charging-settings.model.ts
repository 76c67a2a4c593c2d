import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A daily grid price from startTime until the next period' })
export class GridPrice {
  @Field({ description: '"HH:MM" in the settings time zone' })
  startTime: string;

  @Field(() => Float, { description: 'Per kWh, in any currency' })
  price: number;
}

@ObjectType({ description: "How smart charging plans a site area's tree (kept on the area)" })
export class SmartChargingSettingsModel {
  @Field(() => ID)
  siteAreaId: string;

  @Field(() => Float, { description: 'Below this an AC session is paused, A' })
  minimumCurrentAmps: number;

  @Field(() => Int, { description: 'How far ahead plans and profiles reach, minutes' })
  horizonMinutes: number;

  @Field(() => Int, { description: 'Stack level of the profiles sent (static limits use 1)' })
  stackLevel: number;

  @Field(() => Float, { description: 'A profile is sent again only when a limit moves by more than this, A' })
  changeThresholdAmps: number;

  @Field(() => Float, { nullable: true, description: 'Peak shaving: the most the area should draw, W' })
  peakPowerWatts?: number;

  @Field(() => Float, { nullable: true, description: 'Phase balancing: the most the phases may differ, A' })
  maxPhaseImbalanceAmps?: number;

  @Field({
    description: 'Cars are limited to what they draw; the rest goes to the others until they want more',
  })
  stickyLimitation: boolean;

  @Field(() => Float, { description: "Grid to battery through the car's charger (AC), percent" })
  efficiencyPercent: number;

  @Field(() => Float, { description: "Grid to battery through the station's converter (DC), percent" })
  dcEfficiencyPercent: number;

  @Field(() => Float, { description: 'When neither driver nor car says, percent' })
  defaultTargetSoc: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Without a departure from the driver: minutes after the start',
  })
  defaultStayMinutes?: number;

  @Field(() => [GridPrice], { description: 'The cost objective uses them' })
  gridPrices: GridPrice[];

  @Field(() => Float, { description: 'Share of future capacity energy may be moved into, percent' })
  futureCapacitySharePercent: number;
}
