import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal, canOn } from '@csms/auth';
import { ForbiddenError } from '@csms/common';
import { SiteArea, SiteAreaService } from '@csms/organizations';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UpdateSmartChargingSettingsInput } from './dto/update-smart-charging-settings.input';
import { SmartChargingSettingsModel } from './models/smart-charging-settings.model';
import { SmartChargingSettings } from './settings/smart-charging-settings';
import { SmartChargingSettingsRepository } from './settings/smart-charging-settings.repository';
import { SmartChargingScheduler } from './triggers/smart-charging.scheduler';

/** Fields an update may remove with null. */
const REMOVABLE = ['peakPowerWatts', 'maxPhaseImbalanceAmps', 'defaultStayMinutes'] as const;

@Resolver(() => SiteArea)
export class SmartChargingSettingsResolver {
  constructor(
    private readonly siteAreas: SiteAreaService,
    private readonly settings: SmartChargingSettingsRepository,
    private readonly scheduler: SmartChargingScheduler,
  ) {}

  @Query(() => SmartChargingSettingsModel, {
    description: "A site area's smart-charging settings (defaults until set)",
  })
  @CheckAbility('read', 'SiteArea')
  async smartChargingSettings(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteAreaId', { type: () => ID }) siteAreaId: string,
  ): Promise<SmartChargingSettings> {
    await this.siteAreas.getReadable(principal, ability, siteAreaId);
    return (await this.settings.ofAreas(principal.tenantId, [siteAreaId])).get(siteAreaId)!;
  }

  @Mutation(() => SmartChargingSettingsModel, {
    description:
      'The tree is planned again with them. Plan-wide values are read from the top area; peak and imbalance limits per area',
  })
  @CheckAbility('update', 'SiteArea')
  async updateSmartChargingSettings(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateSmartChargingSettingsInput,
  ): Promise<SmartChargingSettings> {
    const area = await this.siteAreas.getReadable(principal, ability, input.siteAreaId);
    if (!canOn(ability, 'update', 'SiteArea', area))
      throw new ForbiddenError('You may not update this SiteArea');
    const { siteAreaId, ...fields } = input;
    const set = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
    ) as Partial<SmartChargingSettings>;
    const unset = REMOVABLE.filter((field) => fields[field] === null);
    const saved = await this.settings.save(principal.tenantId, siteAreaId, set, [...unset]);
    this.scheduler.schedule(principal.tenantId, siteAreaId);
    return saved;
  }

  @ResolveField('smartChargingSettings', () => SmartChargingSettingsModel, {
    description: 'Smart-charging settings (defaults until set)',
  })
  async smartChargingSettingsOf(
    @Parent() area: SiteArea,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SmartChargingSettings> {
    return (await this.settings.ofAreas(principal.tenantId, [area.id])).get(area.id)!;
  }
}
