import { ConnectionType } from '@csms/common';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RoamingOutboxStatus {
  PENDING = 'PENDING',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RoamingOutboxStatus, {
  name: 'RoamingOutboxStatus',
  description:
    'PENDING: waiting to be delivered (or retried after a back-off); REJECTED: the partner refused it (not retried); FAILED: the partner stayed unreachable too long; CANCELLED: the partner was unregistered. Delivered messages leave the outbox.',
});

@ObjectType({ description: 'A push to a roaming partner that is waiting, or that did not get through' })
export class RoamingOutboxMessage {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnerId: string;

  @Field({
    description: 'e.g. location.put, evse.status, session.put, session.patch, cdr.post, command.result',
  })
  kind: string;

  @Field({
    description: 'Messages with the same key are delivered in order, e.g. location:<siteId>, session:<id>',
  })
  objectKey: string;

  @Field(() => RoamingOutboxStatus)
  status: RoamingOutboxStatus;

  @Field(() => Int)
  attempts: number;

  @Field()
  createdAt: Date;

  @Field({ description: 'When the next attempt is due (PENDING)' })
  nextAttemptAt: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt?: Date;

  @Field(() => Date, { nullable: true })
  finishedAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why the last attempt did not deliver it' })
  lastError?: string;

  @Field(() => Int, { nullable: true })
  lastHttpStatus?: number;

  @Field(() => Int, { nullable: true, description: 'The OCPI status_code of the last answer' })
  lastProtocolStatus?: number;
}

export const RoamingOutboxMessageConnection = ConnectionType(RoamingOutboxMessage);

@ObjectType({ description: "A partner's outbox at a glance" })
export class RoamingOutboxSummary {
  @Field(() => Int)
  pending: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int)
  failed: number;
}
