import { PageInfo } from '@csms/common';
import { ChargingStation } from '@csms/stations';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class NearbyChargingStationEdge {
  @Field(() => ChargingStation)
  node: ChargingStation;

  @Field()
  cursor: string;

  @Field(() => Float, { description: "Great-circle distance to the station's site, in meters" })
  distanceMeters: number;
}

@ObjectType({ description: 'Stations by distance, nearest first' })
export class NearbyChargingStationConnection {
  @Field(() => [NearbyChargingStationEdge])
  edges: NearbyChargingStationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
