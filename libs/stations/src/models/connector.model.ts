import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

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

  @Field(() => Float, { nullable: true })
  maxPowerWatts?: number;

  @Field(() => ID, { nullable: true })
  currentTransactionId?: string;
}
