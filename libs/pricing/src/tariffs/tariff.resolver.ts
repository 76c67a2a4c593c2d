import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Connection, ConnectionArgs } from '@csms/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Tariff } from '../model/tariff';
import { CreateTariffInput } from './dto/create-tariff.input';
import { UpdateTariffInput } from './dto/update-tariff.input';
import { TariffConnection } from './models/tariff-connection.model';
import { TariffModel } from './models/tariff.model';
import { TariffService } from './tariff.service';

@Resolver(() => TariffModel)
export class TariffResolver {
  constructor(private readonly service: TariffService) {}

  @Query(() => TariffConnection, { description: 'The tenant’s tariffs, by name' })
  @CheckAbility('list', 'Tariff')
  tariffs(
    @CurrentPrincipal() principal: Principal,
    @Args() args: ConnectionArgs,
  ): Promise<Connection<Tariff>> {
    return this.service.list(principal.tenantId, args);
  }

  @Query(() => TariffModel)
  @CheckAbility('list', 'Tariff')
  tariff(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Tariff> {
    return this.service.get(principal.tenantId, id);
  }

  @Mutation(() => TariffModel)
  @CheckAbility('create', 'Tariff')
  createTariff(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateTariffInput,
  ): Promise<Tariff> {
    return this.service.create(principal.tenantId, input);
  }

  @Mutation(() => TariffModel, { description: 'Running and past sessions keep the tariff they started with' })
  @CheckAbility('update', 'Tariff')
  updateTariff(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdateTariffInput,
  ): Promise<Tariff> {
    return this.service.update(principal.tenantId, input);
  }

  @Mutation(() => Boolean, { description: 'Refused (BAD_USER_INPUT) while the tariff is assigned' })
  @CheckAbility('delete', 'Tariff')
  deleteTariff(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.service.delete(principal.tenantId, id);
  }

  @Mutation(() => TariffModel, {
    description: 'Creates a tariff from an OCPI 2.2.1 Tariff object (JSON text)',
  })
  @CheckAbility('create', 'Tariff')
  importOcpiTariff(
    @CurrentPrincipal() principal: Principal,
    @Args('json') json: string,
    @Args('name', { type: () => String, nullable: true }) name?: string,
  ): Promise<Tariff> {
    return this.service.importOcpi(principal.tenantId, json, name ?? undefined);
  }

  @ResolveField(() => String, { description: 'The exact OCPI 2.2.1 Tariff object, as JSON text' })
  ocpiJson(@Parent() tariff: Tariff, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.service.ocpiJson(principal.tenantId, tariff);
  }
}
