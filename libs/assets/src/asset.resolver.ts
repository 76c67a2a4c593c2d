import { AppAbility, CheckAbility, CurrentAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { APP_CONFIG, AppConfig, BadInputError, NotFoundError } from '@csms/common';
import { EventBus } from '@csms/events';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { AssetReadingService } from './asset-reading.service';
import { AssetService } from './asset.service';
import { AssetPullScheduler } from './connector/asset-pull.scheduler';
import { AssetReadingInput } from './dto/asset-reading.input';
import { AssetReadingsArgs } from './dto/asset-readings.args';
import { CreateAssetInput } from './dto/create-asset.input';
import { UpdateAssetInput } from './dto/update-asset.input';
import { ASSET_READING_ADDED, AssetReadingAddedEvent } from './events/asset-events';
import { AssetReading } from './models/asset-reading.model';
import { Asset, CreateAssetPayload } from './models/asset.model';

const DAY_MS = 86_400_000;

@Resolver(() => Asset)
export class AssetResolver {
  private readonly staleAfterMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly assetService: AssetService,
    private readonly readingService: AssetReadingService,
    private readonly pulls: AssetPullScheduler,
    private readonly events: EventBus,
  ) {
    this.staleAfterMs = config.ASSET_STALE_AFTER_SECONDS * 1000;
  }

  @Query(() => [Asset], {
    description: 'Sorted by name; only those of one site area when siteAreaId is given',
  })
  @CheckAbility('list', 'Asset')
  assets(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('siteAreaId', { type: () => ID, nullable: true }) siteAreaId?: string,
  ): Promise<Asset[]> {
    return this.assetService.list(principal, ability, siteAreaId);
  }

  @Query(() => Asset, { nullable: true })
  @CheckAbility('read', 'Asset')
  async asset(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Asset | null> {
    return this.assetService.getReadable(principal, ability, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  }

  @Mutation(() => CreateAssetPayload, { description: 'The API key for the push endpoint is shown once' })
  @CheckAbility('create', 'Asset')
  createAsset(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateAssetInput,
  ): Promise<CreateAssetPayload> {
    return this.assetService.create(principal, ability, input);
  }

  @Mutation(() => Asset)
  @CheckAbility('update', 'Asset')
  updateAsset(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateAssetInput,
  ): Promise<Asset> {
    return this.assetService.update(principal, ability, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes the asset and its readings' })
  @CheckAbility('delete', 'Asset')
  deleteAsset(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.assetService.delete(principal, ability, id);
  }

  @Mutation(() => CreateAssetPayload, { description: 'A new push API key; the old one stops working' })
  @CheckAbility('update', 'Asset')
  rotateAssetApiKey(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CreateAssetPayload> {
    return this.assetService.rotateApiKey(principal, ability, id);
  }

  @Mutation(() => AssetReading, { description: 'Records a reading; a repeat of one instant is stored once' })
  @CheckAbility('update', 'Asset')
  async pushAssetReading(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('assetId', { type: () => ID }) assetId: string,
    @Args('reading') reading: AssetReadingInput,
  ): Promise<AssetReading> {
    const asset = await this.assetService.getUpdatable(principal, ability, assetId);
    return this.readingService.record(principal.tenantId, asset, reading);
  }

  @Mutation(() => AssetReading, { description: 'Pulls a reading through the asset connector now' })
  @CheckAbility('update', 'Asset')
  async pullAssetReading(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('assetId', { type: () => ID }) assetId: string,
  ): Promise<AssetReading> {
    const asset = await this.assetService.getUpdatable(principal, ability, assetId);
    if (!asset.storedConnector)
      throw new BadInputError(`Asset ${assetId} has no connector`, { field: 'assetId' });
    try {
      return await this.pulls.pull(principal.tenantId, asset);
    } catch (error) {
      throw new BadInputError(
        `The meter gave no reading: ${error instanceof Error ? error.message : String(error)}`,
        { field: 'assetId' },
      );
    }
  }

  @ResolveField(() => [AssetReading], { description: "The asset's curve, oldest first" })
  readings(
    @Parent() asset: Asset,
    @CurrentPrincipal() principal: Principal,
    @Args() args: AssetReadingsArgs,
  ): Promise<AssetReading[]> {
    const to = args.to ?? new Date();
    const from = args.from ?? new Date(to.getTime() - DAY_MS);
    return this.readingService.curve(principal.tenantId, asset.id, from, to, args.limit);
  }

  @ResolveField(() => Boolean, {
    description:
      'Measured, but its last reading is older than ASSET_STALE_AFTER_SECONDS: counted at its static value',
  })
  stale(@Parent() asset: Asset): boolean {
    if (!asset.dynamic) return false;
    const last = asset.lastReading?.timestamp;
    return !last || Date.now() - new Date(last).getTime() > this.staleAfterMs;
  }

  @Subscription(() => AssetReading, {
    description: 'New latest readings of one asset, or of every asset of a site area',
    resolve: (event: AssetReadingAddedEvent) => event.payload.reading,
  })
  @CheckAbility('read', 'Asset')
  async assetReadingAdded(
    @CurrentPrincipal() principal: Principal,
    @CurrentAbility() ability: AppAbility,
    @Args('assetId', { type: () => ID, nullable: true }) assetId?: string,
    @Args('siteAreaId', { type: () => ID, nullable: true }) siteAreaId?: string,
  ): Promise<AsyncIterableIterator<AssetReadingAddedEvent>> {
    if (assetId) await this.assetService.getReadable(principal, ability, assetId);
    else if (siteAreaId) await this.assetService.ensureListableIn(principal, ability, siteAreaId);
    else throw new BadInputError('Give assetId or siteAreaId', { field: 'assetId' });
    return this.events.iterate<AssetReadingAddedEvent>(
      [ASSET_READING_ADDED],
      (event) =>
        event.tenantId === principal.tenantId &&
        (assetId ? event.payload.reading.assetId === assetId : event.payload.siteAreaId === siteAreaId),
    );
  }
}
