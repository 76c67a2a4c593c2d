import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { VariableSelectorInput } from '../../dto/ocpp201.inputs';

export enum AttributeType {
  Actual = 'Actual',
  Target = 'Target',
  MinSet = 'MinSet',
  MaxSet = 'MaxSet',
}
registerEnumType(AttributeType, { name: 'AttributeType', description: 'OCPP 2.0.1 variable attribute' });

export enum ComponentCriterion {
  Active = 'Active',
  Available = 'Available',
  Enabled = 'Enabled',
  Problem = 'Problem',
}
registerEnumType(ComponentCriterion, {
  name: 'ComponentCriterion',
  description: 'OCPP 2.0.1 GetReport criterion',
});

@InputType({ description: 'A value to write to a device-model variable (SetVariables)' })
export class SetVariableInput extends VariableSelectorInput {
  @Field({ description: 'At most 1000 characters' })
  @Length(0, 1000)
  value: string;

  @Field(() => AttributeType, { nullable: true, description: 'Actual when left out' })
  @IsOptional()
  @IsEnum(AttributeType)
  attributeType?: AttributeType;
}

@InputType({ description: 'A component, and optionally one of its variables (GetReport)' })
export class ComponentVariableInput {
  @Field()
  @Length(1, 50)
  component: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  componentInstance?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  evseId?: number;

  @Field(() => String, { nullable: true, description: 'Left out: every variable of the component' })
  @IsOptional()
  @Length(1, 50)
  variable?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  variableInstance?: string;
}

@InputType({ description: 'OCPP 2.0.1 GetReport: which components (and variables) to report' })
export class GetReportInput {
  @Field(() => [ComponentCriterion], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsEnum(ComponentCriterion, { each: true })
  componentCriteria?: ComponentCriterion[];

  @Field(() => [ComponentVariableInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ComponentVariableInput)
  componentVariables?: ComponentVariableInput[];
}
