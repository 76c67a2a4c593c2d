import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNumber, IsString, Max, Min } from 'class-validator';
import { ChargingRateUnit } from '../../commands/command-enums';

/** 10 MW, or 10 kA: far above any station, low enough to catch a unit mistake. */
const MAX_LIMIT = 10_000_000;
export const MAX_AMPS = 10_000;

@ArgsType()
export class StationLimitTargetArgs {
  @Field(() => ID)
  @IsString()
  chargingStationId: string;

  @Field(() => Int, { defaultValue: 0, description: '0: the whole station' })
  @IsInt()
  @Min(0)
  connectorId: number;
}

@ArgsType()
export class SetStationLimitArgs extends StationLimitTargetArgs {
  @Field(() => Float, { description: 'In `unit`; 0 stops charging' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_LIMIT)
  limit: number;

  @Field(() => ChargingRateUnit)
  @IsEnum(ChargingRateUnit)
  unit: ChargingRateUnit;
}
