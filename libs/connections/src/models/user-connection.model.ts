import { Field, ObjectType } from '@nestjs/graphql';
import { UserConnection } from '../user-connection';

@ObjectType({ description: "The caller's OAuth2 connection to an outside service; tokens are never shown" })
export class UserConnectionModel {
  @Field()
  kind: string;

  @Field({ description: 'false when the service revoked it: connect again' })
  usable: boolean;

  @Field(() => String, { nullable: true, description: 'Why it cannot be used' })
  brokenReason?: string;

  @Field(() => Date)
  connectedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the current access token expires (it is refreshed)',
  })
  accessTokenExpiresAt?: Date;
}

export function presentConnection(connection: UserConnection): UserConnectionModel {
  return {
    kind: connection.kind,
    usable: !connection.brokenReason,
    brokenReason: connection.brokenReason,
    connectedAt: connection.connectedAt,
    accessTokenExpiresAt: connection.expiresAt,
  };
}
