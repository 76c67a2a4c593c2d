import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An RFID badge (OCPP idTag / idToken)' })
export class Tag {
  @Field(() => ID, { description: 'The idTag the station sends' })
  id: string;

  @Field()
  active: boolean;

  @Field(() => String, { nullable: true })
  userId?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date;

  @Field(() => String, { nullable: true, description: 'OCPP parentIdTag (group)' })
  parentTagId?: string;

  @Field({ description: "The owner's default badge" })
  default: boolean;

  /** When it last changed (roaming tells partners of changes since a time). */
  updatedAt?: Date;
}
