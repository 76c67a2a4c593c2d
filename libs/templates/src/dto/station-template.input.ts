import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { OCPP_VERSIONS } from '../station-template.rules';
import { IsRegExp } from './is-reg-exp.validator';
import { StationCapabilitiesInput } from './station-capabilities.input';
import { TemplateParameterBlockInput } from './template-parameter-block.input';
import { TemplateTechnicalDataInput } from './template-technical-data.input';

const PATTERN_HELP = 'JavaScript regular expression, searched (write ^…$ for an exact match); absent: any';

@InputType({ description: 'A whole station template (an update replaces every field)' })
export class StationTemplateInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  description?: string;

  @Field(() => String, { nullable: true, description: `Vendor: ${PATTERN_HELP}` })
  @IsOptional()
  @IsRegExp()
  vendorPattern?: string;

  @Field(() => String, { nullable: true, description: `Model: ${PATTERN_HELP}` })
  @IsOptional()
  @IsRegExp()
  modelPattern?: string;

  @Field(() => String, { nullable: true, description: `Serial number: ${PATTERN_HELP}` })
  @IsOptional()
  @IsRegExp()
  serialNumberPattern?: string;

  @Field(() => String, { nullable: true, description: `Firmware version: ${PATTERN_HELP}` })
  @IsOptional()
  @IsRegExp()
  firmwareVersionPattern?: string;

  @Field(() => [String], { defaultValue: [], description: '"1.5", "1.6", "2.0.1"; empty: all' })
  @IsIn(OCPP_VERSIONS, { each: true })
  ocppVersions: string[];

  @Field(() => TemplateTechnicalDataInput)
  @ValidateNested()
  @Type(() => TemplateTechnicalDataInput)
  technical: TemplateTechnicalDataInput;

  @Field(() => StationCapabilitiesInput)
  @ValidateNested()
  @Type(() => StationCapabilitiesInput)
  capabilities: StationCapabilitiesInput;

  @Field(() => [TemplateParameterBlockInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @Type(() => TemplateParameterBlockInput)
  @ArrayMaxSize(50)
  parameterBlocks: TemplateParameterBlockInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Configuration key that limits the power when the station has no smart charging',
  })
  @IsOptional()
  @Length(1, 100)
  staticPowerLimitationKey?: string;
}
