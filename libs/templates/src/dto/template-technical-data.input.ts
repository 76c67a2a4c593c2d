import { ConnectorType, CurrentType } from '@csms/stations';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  Min,
  ValidateNested,
} from 'class-validator';

const MAX_CONNECTORS = 100;

@InputType()
export class TemplateConnectorInput {
  @Field(() => Int, { description: 'OCPP 1.x connector id; for 2.0.1 the EVSE id' })
  @IsInt()
  @Min(1)
  connectorId: number;

  @Field(() => ConnectorType)
  @IsEnum(ConnectorType)
  type: ConnectorType;

  @Field(() => Float)
  @IsPositive()
  powerWatts: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  amperage?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsIn([1, 2, 3])
  numberOfPhases?: number;

  @Field(() => CurrentType)
  @IsEnum(CurrentType)
  currentType: CurrentType;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  chargePointId?: number;
}

@InputType()
export class ChargePointInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  chargePointId: number;

  @Field(() => [Int])
  @IsInt({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONNECTORS)
  connectorIds: number[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  maximumPowerWatts?: number;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  sharePowerToAllConnectors?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  cannotChargeInParallel?: boolean;
}

@InputType()
export class TemplateTechnicalDataInput {
  @Field(() => Float)
  @IsPositive()
  maximumPowerWatts: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  voltage?: number;

  @Field(() => [ChargePointInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => ChargePointInput)
  @ArrayMaxSize(MAX_CONNECTORS)
  chargePoints: ChargePointInput[];

  @Field(() => [TemplateConnectorInput])
  @ValidateNested({ each: true })
  @Type(() => TemplateConnectorInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONNECTORS)
  connectors: TemplateConnectorInput[];
}
