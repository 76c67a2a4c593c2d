import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, Length, Min } from 'class-validator';

export enum MessagePriority {
  AlwaysFront = 'AlwaysFront',
  InFront = 'InFront',
  NormalCycle = 'NormalCycle',
}
registerEnumType(MessagePriority, {
  name: 'MessagePriority',
  description: 'OCPP 2.0.1 display message priority',
});

export enum MessageState {
  Charging = 'Charging',
  Faulted = 'Faulted',
  Idle = 'Idle',
  Unavailable = 'Unavailable',
}
registerEnumType(MessageState, {
  name: 'MessageState',
  description: 'OCPP 2.0.1: the station state in which a display message is shown',
});

export enum MessageFormat {
  ASCII = 'ASCII',
  HTML = 'HTML',
  URI = 'URI',
  UTF8 = 'UTF8',
}
registerEnumType(MessageFormat, { name: 'MessageFormat', description: 'OCPP 2.0.1 message content format' });

@InputType({ description: 'OCPP 2.0.1 SetDisplayMessage: a message for the station’s display' })
export class DisplayMessageInput {
  @Field(() => Int, { description: 'The message id: a message with this id on the station is replaced' })
  @IsInt()
  @Min(0)
  id: number;

  @Field(() => MessagePriority)
  @IsEnum(MessagePriority)
  priority: MessagePriority;

  @Field(() => MessageState, { nullable: true, description: 'Shown only in this state (left out: always)' })
  @IsOptional()
  @IsEnum(MessageState)
  state?: MessageState;

  @Field(() => Date, { nullable: true, description: 'Shown from then on (left out: now)' })
  @IsOptional()
  @IsDate()
  startDateTime?: Date;

  @Field(() => Date, { nullable: true, description: 'Removed then' })
  @IsOptional()
  @IsDate()
  endDateTime?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Shown during this transaction only (its ocppTransactionId), and removed at its end',
  })
  @IsOptional()
  @Length(1, 36)
  ocppTransactionId?: string;

  @Field(() => MessageFormat)
  @IsEnum(MessageFormat)
  format: MessageFormat;

  @Field(() => String, { nullable: true, description: 'RFC 5646 language code' })
  @IsOptional()
  @Length(1, 8)
  language?: string;

  @Field({ description: 'At most 512 characters' })
  @Length(1, 512)
  content: string;
}

@InputType({ description: 'OCPP 2.0.1 GetDisplayMessages filter; left out: every message' })
export class DisplayMessagesFilterInput {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  ids?: number[];

  @Field(() => MessagePriority, { nullable: true })
  @IsOptional()
  @IsEnum(MessagePriority)
  priority?: MessagePriority;

  @Field(() => MessageState, { nullable: true })
  @IsOptional()
  @IsEnum(MessageState)
  state?: MessageState;
}
