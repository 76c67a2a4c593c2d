import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export const STATION_ID_PATTERN = /^[A-Za-z0-9._~*-]{1,48}$/;

@InputType()
export class CreateChargingStationInput {
  @Field(() => ID, { description: 'The OCPP identity: 1 to 48 of A-Z a-z 0-9 . _ ~ * -' })
  @Matches(STATION_ID_PATTERN, { message: 'id must be 1 to 48 characters among A-Z a-z 0-9 . _ ~ * -' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'HTTP Basic password the station must present at the upgrade (security profiles 1/2)',
  })
  @IsOptional()
  @Length(8, 64, { message: 'password must be 8 to 64 characters long' })
  password?: string;

  @Field(() => ID, { nullable: true, description: 'The site area the station stands in' })
  @IsOptional()
  @IsString()
  siteAreaId?: string;
}
