import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AssetType } from '../models/asset-type';
import { MAX_READING_WATTS } from './asset-reading.input';
import { AssetConnectorInput } from './asset-connector.input';

@InputType()
export class CreateAssetInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => AssetType)
  @IsEnum(AssetType)
  type: AssetType;

  @Field(() => ID)
  @IsString()
  siteAreaId: string;

  @Field(() => Float, { description: 'W drawn when nothing is measured (negative: produced)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_READING_WATTS)
  @Max(MAX_READING_WATTS)
  staticValueWatts: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  dynamic?: boolean;

  @Field(() => Float, { nullable: true, defaultValue: 0 })
  @IsOptional()
  @Min(0)
  @Max(100)
  fluctuationPercent?: number;

  @Field(() => Float, { nullable: true, defaultValue: 10 })
  @IsOptional()
  @Min(0)
  @Max(1000)
  variationThresholdPercent?: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  excludeFromSmartCharging?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  meterId?: string;

  @Field(() => AssetConnectorInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssetConnectorInput)
  connector?: AssetConnectorInput;
}
