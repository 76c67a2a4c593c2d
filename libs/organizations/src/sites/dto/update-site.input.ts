import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsTimeZone, Length, ValidateNested } from 'class-validator';
import { AddressInput } from '../../shared/address.model';
import { CoordinatesInput } from '../../shared/coordinates.model';
import { OpeningPeriodInput } from '../models/opening-period.model';

@InputType({ description: 'Fields left out keep their value; null coordinates removes them' })
export class UpdateSiteInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ID, { nullable: true, description: 'Moves the site to another company' })
  @IsOptional()
  @IsString()
  companyId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;

  @Field(() => CoordinatesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinatesInput)
  coordinates?: CoordinatesInput | null;

  @Field(() => [OpeningPeriodInput], { nullable: true, description: 'Replaces every period' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodInput)
  openingHours?: OpeningPeriodInput[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Paris' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
