import { StationCapabilities } from '@csms/stations';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TemplateParameterBlock } from './template-parameter-block.model';
import { TemplateTechnicalData } from './template-technical-data.model';

@ObjectType({
  description:
    'What a family of stations is and how it must be configured; applied at every accepted BootNotification ' +
    'to the stations it matches (the most specific template wins)',
})
export class StationTemplate {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Regular expression on the vendor (absent: any)' })
  vendorPattern?: string;

  @Field(() => String, { nullable: true, description: 'Regular expression on the model (absent: any)' })
  modelPattern?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Regular expression on the serial number (charge point, else charge box)',
  })
  serialNumberPattern?: string;

  @Field(() => String, { nullable: true, description: 'Regular expression on the firmware version' })
  firmwareVersionPattern?: string;

  @Field(() => [String], { description: 'The OCPP versions it is for ("1.5", "1.6", "2.0.1"); empty: all' })
  ocppVersions: string[];

  @Field(() => TemplateTechnicalData)
  technical: TemplateTechnicalData;

  @Field(() => StationCapabilities)
  capabilities: StationCapabilities;

  @Field(() => [TemplateParameterBlock])
  parameterBlocks: TemplateParameterBlock[];

  @Field(() => String, {
    nullable: true,
    description: 'Configuration key that limits the power when the station has no smart charging',
  })
  staticPowerLimitationKey?: string;

  @Field({ description: 'Shipped with the server (seeded when absent, never overwritten)' })
  builtIn: boolean;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}
