import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude } from 'class-validator';

@ObjectType({ description: 'WGS 84 position in decimal degrees' })
export class Coordinates {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@InputType()
export class CoordinatesInput {
  @Field(() => Float, { description: '-90..90' })
  @IsLatitude()
  latitude: number;

  @Field(() => Float, { description: '-180..180' })
  @IsLongitude()
  longitude: number;
}
