import { ChargePoint } from '@csms/stations';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { TemplateConnector } from './template-connector.model';

@ObjectType({ description: 'The hardware a station template describes, copied onto matching stations' })
export class TemplateTechnicalData {
  @Field(() => Float)
  maximumPowerWatts: number;

  @Field(() => Float, { nullable: true, description: 'Nominal voltage' })
  voltage?: number;

  @Field(() => [ChargePoint])
  chargePoints: ChargePoint[];

  @Field(() => [TemplateConnector])
  connectors: TemplateConnector[];
}
