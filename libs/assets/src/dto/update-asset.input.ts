import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { MAX_READING_WATTS } from './asset-reading.input';
import { AssetConnectorInput } from './asset-connector.input';

@InputType({ description: 'Fields left out keep their value; connector null removes the pull connector' })
export class UpdateAssetInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_READING_WATTS)
  @Max(MAX_READING_WATTS)
  staticValueWatts?: number;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  dynamic?: boolean;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  fluctuationPercent?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1000)
  variationThresholdPercent?: number;

  @Field(() => Boolean, { nullable: true })
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
  connector?: AssetConnectorInput | null;
}
