import { ConnectionType } from '@csms/common';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OcppMessageDirection {
  IN = 'in',
  OUT = 'out',
}

registerEnumType(OcppMessageDirection, {
  name: 'OcppMessageDirection',
  description: 'IN: from the station to the central system; OUT: the other way',
});

@ObjectType({ description: 'One OCPP-J frame exchanged with a charging station' })
export class OcppMessage {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  chargingStationId: string;

  @Field(() => OcppMessageDirection)
  direction: OcppMessageDirection;

  @Field({ description: 'CALL, CALLRESULT, CALLERROR, or INVALID (unparsable frame)' })
  messageType: string;

  @Field(() => String, {
    nullable: true,
    description: 'The OCPP action; for answers, the action of their CALL',
  })
  action?: string;

  @Field(() => String, { nullable: true })
  messageId?: string;

  @Field(() => Int, { description: 'Frame size in bytes' })
  sizeBytes: number;

  @Field(() => Int, { nullable: true, description: 'For answers: milliseconds since their CALL' })
  latencyMs?: number;

  @Field(() => String, { nullable: true, description: 'The CALLERROR code' })
  errorCode?: string;

  @Field()
  timestamp: Date;
}

export const OcppMessageConnection = ConnectionType(OcppMessage);
