import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection, ConnectionArgs } from '@csms/common';
import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import {
  BillingTransferConnection,
  BillingTransferModel,
  BillingTransferStatus,
} from './models/billing-transfer.model';
import { SessionTransferRepository } from './session-transfer.repository';

@ArgsType()
class BillingTransfersArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'One connected account’s (default: all)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  accountId?: string;
}

/** Connect transfers of paid sessions, newest first: the money's way to companies and sites. */
@Resolver(() => BillingTransferModel)
export class BillingTransferResolver {
  constructor(private readonly transfers: SessionTransferRepository) {}

  @Query(() => BillingTransferConnection)
  @CheckAbility('list', 'ConnectedAccount')
  async billingTransfers(
    @CurrentPrincipal() principal: Principal,
    @Args() args: BillingTransfersArgs,
  ): Promise<Connection<BillingTransferModel>> {
    const page = await this.transfers.page(principal.tenantId, { accountId: args.accountId }, args);
    return {
      ...page,
      edges: page.edges.map((edge) => ({
        ...edge,
        node: { ...edge.node, status: edge.node.status as BillingTransferStatus },
      })),
    };
  }
}
