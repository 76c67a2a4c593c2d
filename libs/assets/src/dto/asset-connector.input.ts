import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AssetConnectorAuth } from '../models/asset-type';

/** A dotted path into the meter's JSON: `data.power`, `phases[0].w`, `[2].value`. */
const FIELD_PATH = /^(\[\d+\]|[A-Za-z_$][\w$-]*)(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/;
const pathMessage = { message: '$property must be a dotted path such as data.power or phases[0].w' };
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

@InputType()
export class AssetReadingMappingInput {
  @Field()
  @Matches(FIELD_PATH, pathMessage)
  watts: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  wattsL1?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  wattsL2?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  wattsL3?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  ampsL1?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  ampsL2?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  ampsL3?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  voltsL1?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  voltsL2?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  voltsL3?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  stateOfCharge?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(FIELD_PATH, pathMessage)
  timestamp?: string;
}

@InputType({
  description: 'Pull readings from an HTTP/JSON meter; secrets are stored encrypted, never shown',
})
export class AssetConnectorInput {
  @Field()
  @IsUrl(URL_OPTIONS)
  @Length(1, 2000)
  url: string;

  @Field(() => AssetConnectorAuth, { defaultValue: AssetConnectorAuth.NONE })
  @IsEnum(AssetConnectorAuth)
  auth: AssetConnectorAuth;

  @Field(() => String, { nullable: true, description: 'API_KEY: header name (default X-API-Key)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'apiKeyHeader must be a header name' })
  apiKeyHeader?: string;

  @Field(() => String, { nullable: true, description: 'API_KEY: the key' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  apiKey?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  tokenUrl?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  clientId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  clientSecret?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  scope?: string;

  @Field(() => AssetReadingMappingInput)
  @ValidateNested()
  @Type(() => AssetReadingMappingInput)
  mapping: AssetReadingMappingInput;

  @Field(() => Float, { defaultValue: 1, description: 'Multiplies the power figures read (kW: 1000)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001)
  @Max(1_000_000)
  powerFactor: number;

  @Field(() => Int, { defaultValue: 60 })
  @Min(5)
  @Max(86_400)
  refreshIntervalSeconds: number;
}
