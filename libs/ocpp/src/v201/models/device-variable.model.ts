import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DeviceVariableAttribute', {
  description: 'One attribute (Actual, Target, MinSet, MaxSet) of a variable',
})
export class DeviceVariableAttributeModel {
  @Field(() => String, { nullable: true, description: 'Actual when absent' })
  type?: string;

  @Field(() => String, { nullable: true })
  value?: string;

  @Field(() => String, { nullable: true, description: 'ReadOnly, WriteOnly or ReadWrite' })
  mutability?: string;
}

@ObjectType('DeviceVariable', {
  description: "One variable of an OCPP 2.0.1 station's device model (NotifyReport)",
})
export class DeviceVariableModel {
  @Field()
  component: string;

  @Field(() => String, { nullable: true })
  componentInstance?: string;

  @Field(() => Int, { nullable: true })
  evseId?: number;

  @Field(() => Int, { nullable: true })
  connectorId?: number;

  @Field()
  variable: string;

  @Field(() => String, { nullable: true })
  variableInstance?: string;

  @Field(() => [DeviceVariableAttributeModel])
  attributes: DeviceVariableAttributeModel[];

  @Field(() => String, { nullable: true })
  unit?: string;

  @Field(() => String, { nullable: true })
  dataType?: string;

  @Field(() => String, { nullable: true })
  valuesList?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;
}
