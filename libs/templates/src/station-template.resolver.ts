import { CheckAbility } from '@csms/auth';
import { Connection, ConnectionArgs } from '@csms/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { StationTemplateInput } from './dto/station-template.input';
import { StationTemplateConnection } from './models/station-template-connection.model';
import { StationTemplate } from './models/station-template.model';
import { StationTemplateService } from './station-template.service';

/** Templates are global: super admins manage them, tenant admins may read them. */
@Resolver(() => StationTemplate)
export class StationTemplateResolver {
  constructor(private readonly templates: StationTemplateService) {}

  @Query(() => StationTemplateConnection, { description: 'Sorted by name' })
  @CheckAbility('list', 'StationTemplate')
  stationTemplates(@Args() args: ConnectionArgs): Promise<Connection<StationTemplate>> {
    return this.templates.page(args);
  }

  @Query(() => StationTemplate, { nullable: true })
  @CheckAbility('read', 'StationTemplate')
  stationTemplate(@Args('id', { type: () => ID }) id: string): Promise<StationTemplate | null> {
    return this.templates.find(id);
  }

  @Mutation(() => StationTemplate)
  @CheckAbility('create', 'StationTemplate')
  createStationTemplate(@Args('input') input: StationTemplateInput): Promise<StationTemplate> {
    return this.templates.create(input);
  }

  @Mutation(() => StationTemplate, { description: 'Replaces every field of the template' })
  @CheckAbility('update', 'StationTemplate')
  updateStationTemplate(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: StationTemplateInput,
  ): Promise<StationTemplate> {
    return this.templates.update(id, input);
  }

  @Mutation(() => Boolean)
  @CheckAbility('delete', 'StationTemplate')
  deleteStationTemplate(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.templates.delete(id);
  }
}
