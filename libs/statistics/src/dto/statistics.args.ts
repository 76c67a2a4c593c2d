import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { StatisticsGroupBy, StatisticsMeasure, StatisticsPeriod } from '../models/statistics-enums';

@InputType()
export class StatisticsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  siteId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  siteAreaId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  chargingStationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  userId?: string;
}

@ArgsType()
export class StatisticsArgs {
  @Field(() => StatisticsMeasure)
  @IsEnum(StatisticsMeasure)
  measure: StatisticsMeasure;

  @Field(() => StatisticsGroupBy)
  @IsEnum(StatisticsGroupBy)
  groupBy: StatisticsGroupBy;

  @Field(() => StatisticsPeriod)
  @IsEnum(StatisticsPeriod)
  period: StatisticsPeriod;

  @Field(() => Date, { description: 'Sessions started at or after' })
  @IsDate()
  from: Date;

  @Field(() => Date, { description: 'Sessions started before' })
  @IsDate()
  to: Date;

  @Field(() => StatisticsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StatisticsFilter)
  filter?: StatisticsFilter;
}
