import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection, NotFoundError } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RoamingOutboxArgs } from './dto/roaming-outbox.args';
import {
  RoamingOutboxMessage,
  RoamingOutboxMessageConnection,
  RoamingOutboxStatus,
} from './models/outbox-message.model';
import { OutboxMessage } from './outbox-message';
import { Outbox } from './outbox';
import { OutboxRepository } from './outbox.repository';

export function presentOutboxMessage(message: OutboxMessage): RoamingOutboxMessage {
  const { payload: _payload, tenantId: _tenantId, protocol: _protocol, status, ...fields } = message;
  return { ...fields, status: status as RoamingOutboxStatus };
}

@Resolver(() => RoamingOutboxMessage)
export class OutboxResolver {
  constructor(
    private readonly messages: OutboxRepository,
    private readonly outbox: Outbox,
  ) {}

  @Query(() => RoamingOutboxMessageConnection, {
    description:
      'Pushes to roaming partners that wait or did not get through (rejected, failed, cancelled), newest first',
  })
  @CheckAbility('read', 'RoamingPartner')
  async roamingOutbox(
    @CurrentPrincipal() principal: Principal,
    @Args() args: RoamingOutboxArgs,
  ): Promise<Connection<RoamingOutboxMessage>> {
    const page = await this.messages.page(
      principal.tenantId,
      { partnerId: args.partnerId, status: args.status },
      args,
    );
    return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: presentOutboxMessage(edge.node) })) };
  }

  @Mutation(() => RoamingOutboxMessage, {
    description: 'Puts a rejected, failed or cancelled push back in the queue, due now',
  })
  @CheckAbility('update', 'RoamingPartner')
  async retryRoamingMessage(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RoamingOutboxMessage> {
    const message = await this.messages.requeue(principal.tenantId, id);
    if (!message) throw new NotFoundError('RoamingOutboxMessage (rejected, failed or cancelled)', id);
    this.outbox.wake();
    return presentOutboxMessage(message);
  }
}
