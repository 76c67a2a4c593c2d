import { ConnectorType } from '@csms/stations';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsNumber, IsOptional, IsString, Min } from 'class-validator';
import { TariffLevel } from '../../graphql/pricing-enums';

@InputType()
export class AssignTariffInput {
  @Field(() => ID)
  @IsString()
  tariffId: string;

  @Field(() => TariffLevel)
  @IsEnum(TariffLevel)
  level: TariffLevel;

  @Field(() => ID, {
    nullable: true,
    description: 'Required except at TENANT level; the station for CONNECTOR',
  })
  @IsOptional()
  @IsString()
  entityId?: string;

  @Field(() => Int, { nullable: true, description: 'Required at CONNECTOR level' })
  @IsOptional()
  @IsInt()
  @Min(1)
  connectorId?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  userGroupId?: string;

  @Field(() => ConnectorType, { nullable: true })
  @IsOptional()
  @IsEnum(ConnectorType)
  connectorType?: ConnectorType;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minPowerWatts?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  maxPowerWatts?: number;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validTo?: Date;
}
