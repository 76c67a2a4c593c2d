import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { OCPP_VERSIONS } from '../station-template.rules';
import { IsRegExp } from './is-reg-exp.validator';

@InputType()
export class TemplateParameterInput {
  @Field({ description: 'OCPP 1.x: the configuration key; OCPP 2.0.1: Component.Variable' })
  @IsString()
  @Length(1, 100)
  key: string;

  @Field({ description: 'At most 500 characters (OCPP 1.x CiString500)' })
  @IsString()
  @Length(0, 500)
  value: string;
}

@InputType()
export class TemplateParameterBlockInput {
  @Field(() => String, { nullable: true, description: 'Regular expression on the firmware version' })
  @IsOptional()
  @IsRegExp()
  firmwareVersionPattern?: string;

  @Field(() => [String], { defaultValue: [], description: '"1.5", "1.6", "2.0.1"; empty: all' })
  @IsIn(OCPP_VERSIONS, { each: true })
  ocppVersions: string[];

  @Field(() => [TemplateParameterInput])
  @ValidateNested({ each: true })
  @Type(() => TemplateParameterInput)
  @ArrayMaxSize(200)
  parameters: TemplateParameterInput[];
}
