import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { TariffType } from '../../graphql/pricing-enums';
import { DisplayTextInput, PriceInput, TariffElementInput } from './tariff-parts.input';

@InputType()
export class CreateTariffInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field({ description: 'ISO 4217, e.g. EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @Field(() => [TariffElementInput])
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => TariffElementInput)
  elements: TariffElementInput[];

  @Field(() => PriceInput, { nullable: true, description: 'A session costs at least this' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceInput)
  minPrice?: PriceInput;

  @Field(() => PriceInput, { nullable: true, description: 'A session costs at most this' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceInput)
  maxPrice?: PriceInput;

  @Field(() => TariffType, { nullable: true })
  @IsOptional()
  @IsEnum(TariffType)
  type?: TariffType;

  @Field(() => [DisplayTextInput], { nullable: true, description: 'Shown to drivers, per language' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DisplayTextInput)
  tariffAltText?: DisplayTextInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  tariffAltUrl?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startDateTime?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endDateTime?: Date;
}
