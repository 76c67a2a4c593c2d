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

@ObjectType({
  description:
    'One OCPP call and its answer (JSON frames or SOAP messages), or a frame that belongs to no call',
})
export class OcppMessage {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  chargingStationId: string;

  @Field(() => OcppMessageDirection, { description: 'Who sent the CALL (or the lone frame)' })
  direction: OcppMessageDirection;

  @Field({
    description:
      'CALL (its answer in the answer fields); CALLRESULT or CALLERROR for an answer to no known CALL; INVALID for an unparsable frame',
  })
  messageType: string;

  @Field(() => String, { nullable: true, description: 'The OCPP action of the CALL' })
  action?: string;

  @Field(() => String, { nullable: true })
  messageId?: string;

  @Field(() => Int, { description: 'Size in bytes of the CALL (or of the lone frame)' })
  sizeBytes: number;

  @Field({ description: 'When the CALL (or the lone frame) passed' })
  timestamp: Date;

  @Field(() => String, {
    nullable: true,
    description: 'CALLRESULT or CALLERROR; null when no answer came (timed out, or the connection closed)',
  })
  answerType?: string;

  @Field(() => Int, { nullable: true, description: 'Size in bytes of the answer' })
  answerSizeBytes?: number;

  @Field(() => Int, { nullable: true, description: 'Milliseconds from the CALL to its answer' })
  latencyMs?: number;

  @Field(() => String, { nullable: true, description: 'The CALLERROR code (SOAP: the Fault subcode)' })
  errorCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the central system answered as it did, e.g. why a badge was refused (never sent to the station)',
  })
  note?: string;

  @Field(() => Int, {
    description:
      "Calls this row stands for: a station's routine calls (MeterValues answered CALLRESULT) are logged as one row per run, with their sizes added up and the slowest latency; 1 for any other row",
  })
  count: number;

  @Field(() => Date, { nullable: true, description: "When the run's last call passed (runs only)" })
  lastTimestamp?: Date;

  @Field(() => [String], {
    nullable: true,
    description: 'Every message id of the run, oldest first (runs only)',
  })
  messageIds?: string[];
}

export const OcppMessageConnection = ConnectionType(OcppMessage);
