import { ConnectionType } from '@csms/common';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AuditActorType } from '../audit-entry';

registerEnumType(AuditActorType, { name: 'AuditActorType' });

@ObjectType({ description: 'An OCPP call a station command sent: find it in `ocppMessages(messageId)`' })
export class AuditOcppCall {
  @Field(() => ID)
  chargingStationId: string;

  @Field()
  action: string;

  @Field()
  messageId: string;
}

@ObjectType({ description: 'Who did what to which object, when, from where, and how it went' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  tenantId: string;

  @Field()
  at: Date;

  @Field(() => ID, { nullable: true, description: 'A user id or an API key id' })
  actorId?: string;

  @Field(() => String, { nullable: true, description: "A user's email or an API key's name and prefix" })
  actorLabel?: string;

  @Field(() => AuditActorType, { nullable: true, description: 'Null when nobody was authenticated' })
  actorType?: AuditActorType;

  @Field(() => String, { nullable: true })
  actorRole?: string;

  @Field({
    description: 'The mutation (e.g. `reset`, `createApiKey`) or the event (`login`, `loginFailed`, …)',
  })
  action: string;

  @Field(() => String, { nullable: true })
  targetType?: string;

  @Field(() => ID, { nullable: true })
  targetId?: string;

  @Field({ description: 'ok, refused (not allowed or not valid: nothing changed) or failed' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'The error code of a refusal or failure' })
  errorCode?: string;

  @Field(() => String, { nullable: true, description: "The client's address" })
  ip?: string;

  /** Exposed as JSON by the resolver. */
  changes?: Record<string, unknown>;

  @Field(() => [AuditOcppCall], { description: 'The OCPP calls a station command sent' })
  ocppCalls: AuditOcppCall[];
}

export const AuditEntryConnection = ConnectionType(AuditEntry);
