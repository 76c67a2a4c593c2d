import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection } from '@csms/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { OcpiMessagesArgs } from './dto/ocpi-messages.args';
import { OcpiMessage, OcpiMessageConnection } from './models/ocpi-message.model';
import { OcpiMessageLog } from './ocpi-message-log';
import { OcpiMessageRepository } from './ocpi-message.repository';

@Resolver(() => OcpiMessage)
export class OcpiMessageResolver {
  constructor(
    private readonly messages: OcpiMessageRepository,
    private readonly log: OcpiMessageLog,
  ) {}

  @Query(() => OcpiMessageConnection, {
    description: 'The OCPI request/response log of your tenant (both directions), newest first',
  })
  @CheckAbility('read', 'RoamingPartner')
  async ocpiMessages(
    @CurrentPrincipal() principal: Principal,
    @Args() args: OcpiMessagesArgs,
  ): Promise<Connection<OcpiMessage>> {
    await this.log.flush();
    return this.messages.page(principal.tenantId, args.partnerId, args);
  }
}
