import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TariffLevel } from '../graphql/pricing-enums';
import { Tariff } from '../model/tariff';
import { TariffAssignment } from '../model/tariff-assignment';
import { TariffModel } from '../tariffs/models/tariff.model';
import { TariffService } from '../tariffs/tariff.service';
import { AssignTariffInput } from './dto/assign-tariff.input';
import { TariffAssignmentModel } from './models/tariff-assignment.model';
import { TariffAssignmentService } from './tariff-assignment.service';

@Resolver(() => TariffAssignmentModel)
export class TariffAssignmentResolver {
  constructor(
    private readonly assignments: TariffAssignmentService,
    private readonly tariffs: TariffService,
  ) {}

  @Query(() => [TariffAssignmentModel], { description: 'Filtered by tariff, level or entity when given' })
  @CheckAbility('list', 'TariffAssignment')
  tariffAssignments(
    @CurrentPrincipal() principal: Principal,
    @Args('tariffId', { type: () => ID, nullable: true }) tariffId?: string,
    @Args('level', { type: () => TariffLevel, nullable: true }) level?: TariffLevel,
    @Args('entityId', { type: () => ID, nullable: true }) entityId?: string,
  ): Promise<TariffAssignment[]> {
    return this.assignments.list(principal.tenantId, {
      tariffId: tariffId ?? undefined,
      level: level ?? undefined,
      entityId: entityId ?? undefined,
    });
  }

  @Mutation(() => TariffAssignmentModel)
  @CheckAbility('create', 'TariffAssignment')
  assignTariff(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AssignTariffInput,
  ): Promise<TariffAssignment> {
    return this.assignments.assign(principal.tenantId, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'TariffAssignment')
  unassignTariff(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.assignments.unassign(principal.tenantId, id);
  }

  @ResolveField(() => TariffModel)
  tariff(@Parent() assignment: TariffAssignment, @CurrentPrincipal() principal: Principal): Promise<Tariff> {
    return this.tariffs.get(principal.tenantId, assignment.tariffId);
  }
}
