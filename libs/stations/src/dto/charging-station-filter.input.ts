import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Every field given narrows the list (they combine with AND). */
@InputType()
export class ChargingStationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the id, vendor or model (case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  siteId?: string;

  @Field(() => ID, { nullable: true, description: 'Stations placed directly in this site area' })
  @IsOptional()
  @IsString()
  siteAreaId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Stations with a connector (or the station itself) in this OCPP status: Available, Charging, Faulted, …',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,30}$/, { message: 'connectorStatus must be an OCPP status word' })
  connectorStatus?: string;
}
