import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CarDataGrantType } from '../car-connector-settings';
import { FIELD_PATH } from '../car-data-mapping';

registerEnumType(CarDataGrantType, {
  name: 'CarDataGrantType',
  description: "How the car-data connector gets access: each driver's account, or the tenant's own",
});

const PATH_MESSAGE = 'a field path is names joined by dots (data.0.level)';

@InputType({
  description: "Where the service's JSON holds each figure: paths of names joined by dots (data.0.level)",
})
export class CarDataFieldMappingInput {
  @Field(() => String, {
    nullable: true,
    description: 'The array in the vehicle list’s answer ("" for the answer itself)',
  })
  @IsOptional()
  @Matches(new RegExp(`(${FIELD_PATH.source})|^$`), { message: PATH_MESSAGE })
  @MaxLength(200)
  vehicleList?: string;

  @Field(() => String, { nullable: true, description: "A vehicle's id in the list (default id)" })
  @IsOptional()
  @Matches(FIELD_PATH, { message: PATH_MESSAGE })
  @MaxLength(200)
  vehicleId?: string;

  @Field(() => String, { nullable: true, description: "A vehicle's VIN in the list (default vin)" })
  @IsOptional()
  @Matches(FIELD_PATH, { message: PATH_MESSAGE })
  @MaxLength(200)
  vehicleVin?: string;

  @Field(() => String, { nullable: true, description: 'The state of charge, percent (default level)' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: PATH_MESSAGE })
  @MaxLength(200)
  stateOfCharge?: string;

  @Field(() => String, {
    nullable: true,
    description: 'When the car measured it: ISO 8601 or Unix seconds/ms (default timestamp)',
  })
  @IsOptional()
  @Matches(FIELD_PATH, { message: PATH_MESSAGE })
  @MaxLength(200)
  timestamp?: string;

  @Field(() => String, { nullable: true, description: 'The odometer, km (default odometer)' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: PATH_MESSAGE })
  @MaxLength(200)
  odometer?: string;

  @Field(() => String, { nullable: true, description: 'The remaining range, km (default range)' })
  @IsOptional()
  @Matches(FIELD_PATH, { message: PATH_MESSAGE })
  @MaxLength(200)
  range?: string;
}

@InputType({ description: 'Absent fields keep their value; the client secret is write-only' })
export class CarConnectorSettingsInput {
  @Field()
  @IsBoolean()
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'The service’s name shown to drivers' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string;

  @Field(() => CarDataGrantType, { nullable: true })
  @IsOptional()
  @IsEnum(CarDataGrantType)
  grantType?: CarDataGrantType;

  @Field(() => String, {
    nullable: true,
    description: 'Where drivers grant access (authorization-code flow)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  authorizeUrl?: string;

  @Field(() => String, { nullable: true, description: 'The OAuth2 token endpoint' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  tokenUrl?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  clientId?: string;

  @Field(() => String, { nullable: true, description: 'Write-only' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  clientSecret?: string;

  @Field(() => String, { nullable: true, description: 'OAuth2 scopes asked for, space-separated' })
  @IsOptional()
  @Matches(/^[\w.:-]+( [\w.:-]+)*$/, { message: 'scope is a space-separated list of scope names' })
  @MaxLength(500)
  scope?: string;

  @Field(() => String, { nullable: true, description: 'GET: the vehicles the token sees, with their VIN' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  vehiclesUrl?: string;

  @Field(() => String, {
    nullable: true,
    description: "GET: a vehicle's state of charge; {vehicleId} and {vin} are replaced",
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  readingUrl?: string;

  @Field(() => CarDataFieldMappingInput, { nullable: true, description: 'Absent paths keep their value' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CarDataFieldMappingInput)
  mapping?: CarDataFieldMappingInput;
}
