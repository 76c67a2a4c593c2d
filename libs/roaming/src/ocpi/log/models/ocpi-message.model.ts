import { ConnectionType } from '@csms/common';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One OCPI request and its answer, from a partner (in) or to one (out)' })
export class OcpiMessage {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null for a request whose token matched no partner' })
  partnerId?: string;

  @Field({ description: '"in": a partner called us; "out": we called a partner' })
  direction: string;

  @Field()
  method: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true, description: 'The OCPI module (locations, sessions, …)' })
  module?: string;

  @Field(() => String, { nullable: true, description: 'X-Request-ID' })
  requestId?: string;

  @Field(() => String, { nullable: true, description: 'X-Correlation-ID' })
  correlationId?: string;

  @Field(() => Int, { nullable: true, description: 'Null when no answer came (network error, timeout)' })
  httpStatus?: number;

  @Field(() => Int, { nullable: true, description: 'The status_code of the OCPI answer' })
  ocpiStatus?: number;

  @Field(() => String, { nullable: true })
  statusMessage?: string;

  @Field(() => String, { nullable: true, description: 'Why no answer came' })
  error?: string;

  @Field(() => Int)
  requestBytes: number;

  @Field(() => Int, { nullable: true })
  responseBytes?: number;

  @Field(() => Int)
  latencyMs: number;

  @Field()
  timestamp: Date;
}

export const OcpiMessageConnection = ConnectionType(OcpiMessage);
