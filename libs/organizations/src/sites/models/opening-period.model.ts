import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, Matches } from 'class-validator';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

registerEnumType(Weekday, { name: 'Weekday' });

/** 00:00 to 24:00 (24:00 closes at midnight). */
const TIME_OF_DAY = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

@ObjectType({ description: 'One opening period of a weekday, in the local time of the site' })
export class OpeningPeriod {
  @Field(() => Weekday)
  weekday: Weekday;

  @Field({ description: 'HH:MM' })
  opensAt: string;

  @Field({ description: 'HH:MM, after opensAt; 24:00 for midnight' })
  closesAt: string;
}

@InputType()
export class OpeningPeriodInput {
  @Field(() => Weekday)
  @IsEnum(Weekday)
  weekday: Weekday;

  @Field({ description: 'HH:MM' })
  @Matches(TIME_OF_DAY, { message: 'opensAt must be HH:MM' })
  opensAt: string;

  @Field({ description: 'HH:MM, after opensAt; 24:00 for midnight' })
  @Matches(TIME_OF_DAY, { message: 'closesAt must be HH:MM' })
  closesAt: string;
}
