import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A configuration key and the value a template sets' })
export class TemplateParameter {
  @Field({ description: 'OCPP 1.x: the configuration key; OCPP 2.0.1: Component.Variable' })
  key: string;

  @Field()
  value: string;
}

@ObjectType({ description: 'Configuration keys set on the stations whose firmware and OCPP version fit' })
export class TemplateParameterBlock {
  @Field(() => String, { nullable: true, description: 'Regular expression on the firmware version' })
  firmwareVersionPattern?: string;

  @Field(() => [String], { description: 'The OCPP versions it is for ("1.5", "1.6", "2.0.1"); empty: all' })
  ocppVersions: string[];

  @Field(() => [TemplateParameter])
  parameters: TemplateParameter[];
}
