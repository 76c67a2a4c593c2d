import { Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { VariableSelectorInput } from '../../dto/ocpp201.inputs';
import { ComponentVariableInput } from '../../provisioning/dto/variables.inputs';

export enum MonitoringCriterion {
  ThresholdMonitoring = 'ThresholdMonitoring',
  DeltaMonitoring = 'DeltaMonitoring',
  PeriodicMonitoring = 'PeriodicMonitoring',
}
registerEnumType(MonitoringCriterion, {
  name: 'MonitoringCriterion',
  description: 'OCPP 2.0.1 monitor kinds to report',
});

export enum MonitoringBase {
  All = 'All',
  FactoryDefault = 'FactoryDefault',
  HardWiredOnly = 'HardWiredOnly',
}
registerEnumType(MonitoringBase, { name: 'MonitoringBase', description: 'OCPP 2.0.1 SetMonitoringBase' });

export enum MonitorType {
  UpperThreshold = 'UpperThreshold',
  LowerThreshold = 'LowerThreshold',
  Delta = 'Delta',
  Periodic = 'Periodic',
  PeriodicClockAligned = 'PeriodicClockAligned',
}
registerEnumType(MonitorType, { name: 'MonitorType', description: 'OCPP 2.0.1 variable monitor type' });

@InputType({ description: 'OCPP 2.0.1 GetMonitoringReport: which monitors to report (all when empty)' })
export class MonitoringReportInput {
  @Field(() => [MonitoringCriterion], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsEnum(MonitoringCriterion, { each: true })
  criteria?: MonitoringCriterion[];

  @Field(() => [ComponentVariableInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ComponentVariableInput)
  componentVariables?: ComponentVariableInput[];
}

@InputType({ description: 'One variable monitor to set (OCPP 2.0.1 SetVariableMonitoring)' })
export class SetMonitorInput extends VariableSelectorInput {
  @Field(() => Int, { nullable: true, description: 'An existing monitor to replace' })
  @IsOptional()
  @IsInt()
  @Min(0)
  id?: number;

  @Field(() => MonitorType)
  @IsEnum(MonitorType)
  type: MonitorType;

  @Field(() => Float, { description: 'Threshold, delta, or period in seconds' })
  @IsNumber()
  value: number;

  @Field(() => Int, { description: '0 (danger) to 9 (debug)' })
  @IsInt()
  @Min(0)
  @Max(9)
  severity: number;

  @Field(() => Boolean, { nullable: true, description: 'Only while a transaction runs' })
  @IsOptional()
  @IsBoolean()
  transaction?: boolean;
}

@InputType({
  description: 'OCPP 2.0.1 CustomerInformation: report and/or clear what a station keeps of a customer',
})
export class CustomerInformationInput {
  @Field()
  @IsBoolean()
  report: boolean;

  @Field()
  @IsBoolean()
  clear: boolean;

  @Field(() => String, { nullable: true, description: 'A customer reference known to the station' })
  @IsOptional()
  @Length(1, 64)
  customerIdentifier?: string;

  @Field(() => String, { nullable: true, description: 'A badge (idToken, ISO 14443)' })
  @IsOptional()
  @Length(1, 36)
  tagId?: string;
}
