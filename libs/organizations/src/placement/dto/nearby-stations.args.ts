import { ConnectionArgs } from '@csms/common';
import { ArgsType, Field, Float } from '@nestjs/graphql';
import { IsLatitude, IsLongitude, IsPositive, Max } from 'class-validator';

/** Up to 1000 km: beyond, a radius search stops being a "near me". */
export const MAX_RADIUS_METERS = 1_000_000;

@ArgsType()
export class NearbyStationsArgs extends ConnectionArgs {
  @Field(() => Float)
  @IsLatitude()
  latitude: number;

  @Field(() => Float)
  @IsLongitude()
  longitude: number;

  @Field(() => Float, { description: `Search radius in meters, up to ${MAX_RADIUS_METERS}` })
  @IsPositive()
  @Max(MAX_RADIUS_METERS)
  radiusMeters: number;
}
