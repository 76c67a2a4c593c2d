import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectorType, CurrentType } from './connector-kinds';

@ObjectType({ description: 'A connector (OCPP 1.x) or EVSE (2.0.1) and its last reported status' })
export class Connector {
  @Field(() => Int, { description: 'OCPP 1.6 connector id; for 2.0.1 the EVSE id' })
  connectorId: number;

  @Field({ description: 'Available, Preparing, Charging, SuspendedEV, Finishing, Faulted, Unavailable, …' })
  status: string;

  @Field(() => String, { nullable: true })
  errorCode?: string;

  @Field(() => String, { nullable: true })
  info?: string;

  @Field(() => String, { nullable: true })
  vendorId?: string;

  @Field(() => String, { nullable: true })
  vendorErrorCode?: string;

  @Field(() => Date, { nullable: true })
  statusUpdatedAt?: Date;

  @Field(() => Float, { nullable: true, description: 'From the station template' })
  maxPowerWatts?: number;

  @Field(() => ConnectorType, { nullable: true, description: 'From the station template' })
  type?: ConnectorType;

  @Field(() => Float, { nullable: true, description: 'From the station template' })
  amperage?: number;

  @Field(() => Int, { nullable: true, description: 'From the station template' })
  numberOfPhases?: number;

  @Field(() => CurrentType, { nullable: true, description: 'From the station template' })
  currentType?: CurrentType;

  @Field(() => Int, { nullable: true, description: 'The charge point feeding it (station template)' })
  chargePointId?: number;

  @Field(() => ID, { nullable: true })
  currentTransactionId?: string;
}
