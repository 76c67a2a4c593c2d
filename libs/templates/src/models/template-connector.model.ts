import { ConnectorType, CurrentType } from '@csms/stations';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A connector as a station template describes it' })
export class TemplateConnector {
  @Field(() => Int, { description: 'OCPP 1.x connector id; for 2.0.1 the EVSE id' })
  connectorId: number;

  @Field(() => ConnectorType)
  type: ConnectorType;

  @Field(() => Float)
  powerWatts: number;

  @Field(() => Float, { nullable: true })
  amperage?: number;

  @Field(() => Int, { nullable: true, description: '1 or 3 for AC; absent for DC' })
  numberOfPhases?: number;

  @Field(() => CurrentType)
  currentType: CurrentType;

  @Field(() => Int, { nullable: true })
  chargePointId?: number;
}
