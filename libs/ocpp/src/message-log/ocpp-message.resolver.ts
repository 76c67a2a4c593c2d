import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { OcppMessagesArgs } from './dto/ocpp-messages.args';
import { OcppMessage, OcppMessageConnection } from './models/ocpp-message.model';
import { OcppMessageRepository } from './ocpp-message.repository';

@Resolver(() => OcppMessage)
export class OcppMessageResolver {
  constructor(private readonly messages: OcppMessageRepository) {}

  @Query(() => OcppMessageConnection, { description: 'The OCPP message log of your tenant, newest first' })
  @CheckAbility('list', 'OcppLog')
  ocppMessages(
    @CurrentPrincipal() principal: Principal,
    @Args() args: OcppMessagesArgs,
  ): Promise<Connection<OcppMessage>> {
    return this.messages.page(
      principal.tenantId,
      { stationId: args.chargingStationId, messageId: args.messageId },
      args,
    );
  }
}
