import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { BadInputError } from '@csms/common';
import {
  OAuth2Authorization,
  OAuth2Connections,
  UserConnectionModel,
  presentConnection,
} from '@csms/connections';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CONCUR_CONNECTION } from '../concur/concur-connection';
import { RefundSettingsService, RefundsNotConfiguredError } from '../settings/refund-settings.service';

/** The caller's own Concur connection: connect once (OAuth2 in the browser), see it, remove it. */
@Resolver()
export class ConcurConnectionResolver {
  constructor(
    private readonly connections: OAuth2Connections,
    private readonly settings: RefundSettingsService,
  ) {}

  @Query(() => UserConnectionModel, { nullable: true, description: 'Your Concur connection, if any' })
  @CheckAbility('create', 'Refund')
  async concurConnection(@CurrentPrincipal() principal: Principal): Promise<UserConnectionModel | null> {
    const connection = await this.connections.find(principal.tenantId, principal.userId, CONCUR_CONNECTION);
    return connection ? presentConnection(connection) : null;
  }

  @Mutation(() => OAuth2Authorization, {
    description:
      'Open url in the browser to connect your Concur account; Concur sends you back to this server',
  })
  @CheckAbility('create', 'Refund')
  async connectConcur(@CurrentPrincipal() principal: Principal): Promise<OAuth2Authorization> {
    try {
      await this.settings.usable(principal.tenantId);
    } catch (error) {
      if (error instanceof RefundsNotConfiguredError) throw new BadInputError(error.message);
      throw error;
    }
    return this.connections.start(principal.tenantId, principal.userId, CONCUR_CONNECTION);
  }

  @Mutation(() => Boolean, { description: 'Forgets your Concur tokens; reports already sent stay in Concur' })
  @CheckAbility('create', 'Refund')
  disconnectConcur(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.connections.disconnect(principal.tenantId, principal.userId, CONCUR_CONNECTION);
  }
}
