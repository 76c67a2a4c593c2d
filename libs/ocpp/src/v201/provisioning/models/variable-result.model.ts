import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('VariableResult', {
  description: "A station's answer about one variable (GetVariables, SetVariables)",
})
export class VariableResultModel {
  @Field()
  component: string;

  @Field(() => String, { nullable: true })
  componentInstance?: string;

  @Field(() => Int, { nullable: true })
  evseId?: number;

  @Field()
  variable: string;

  @Field(() => String, { nullable: true })
  variableInstance?: string;

  @Field(() => String, { nullable: true, description: 'Actual when absent' })
  attributeType?: string;

  @Field({
    description:
      'Accepted, Rejected, UnknownComponent, UnknownVariable, NotSupportedAttributeType, RebootRequired',
  })
  attributeStatus: string;

  @Field(() => String, { nullable: true, description: 'GetVariables: the value read' })
  attributeValue?: string;
}
