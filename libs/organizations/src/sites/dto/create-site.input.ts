import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsTimeZone, Length, ValidateNested } from 'class-validator';
import { AddressInput } from '../../shared/address.model';
import { CoordinatesInput } from '../../shared/coordinates.model';
import { OpeningPeriodInput } from '../models/opening-period.model';

@InputType()
export class CreateSiteInput {
  @Field(() => ID)
  @IsString()
  companyId: string;

  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;

  @Field(() => CoordinatesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinatesInput)
  coordinates?: CoordinatesInput;

  @Field(() => [OpeningPeriodInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodInput)
  openingHours?: OpeningPeriodInput[];

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Paris' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
