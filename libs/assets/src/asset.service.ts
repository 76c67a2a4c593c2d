import { AppAbility, Principal, accessibleQuery, canOn } from '@csms/auth';
import { BadInputError, ForbiddenError, NotFoundError, SecretCipher, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { SiteAreaService } from '@csms/organizations';
import { Injectable } from '@nestjs/common';
import { UpdateQuery } from 'mongoose';
import { AssetReadingRepository } from './asset-reading.repository';
import { ASSET_FIELD_NAMES, AssetRecord, AssetRepository } from './asset.repository';
import { AssetConnectorInput } from './dto/asset-connector.input';
import { CreateAssetInput } from './dto/create-asset.input';
import { UpdateAssetInput } from './dto/update-asset.input';
import { ASSETS_CHANGED } from './events/asset-events';
import { Asset, CreateAssetPayload } from './models/asset.model';
import { AssetConnectorAuth } from './models/asset-type';
import { issueAssetApiKey } from './push/asset-api-key';
import { AssetDocument, StoredConnector } from './schemas/asset.schema';

/** Assets of site areas: who may see and change them, their push keys and pull connectors. */
@Injectable()
export class AssetService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly readings: AssetReadingRepository,
    private readonly siteAreas: SiteAreaService,
    private readonly cipher: SecretCipher,
    private readonly events: EventBus,
  ) {}

  list(principal: Principal, ability: AppAbility, siteAreaId?: string): Promise<Asset[]> {
    const accessible = accessibleQuery(ability, 'list', 'Asset', ASSET_FIELD_NAMES);
    return this.assets.list(principal.tenantId, accessible, siteAreaId ? [siteAreaId] : undefined);
  }

  async getReadable(principal: Principal, ability: AppAbility, id: string): Promise<AssetRecord> {
    const accessible = accessibleQuery(ability, 'read', 'Asset', ASSET_FIELD_NAMES);
    const asset = await this.assets.find(principal.tenantId, id, accessible);
    if (!asset) throw new NotFoundError('Asset', id);
    return asset;
  }

  /** Throws NOT_FOUND unless the site area exists and the caller may list its assets. */
  async ensureListableIn(principal: Principal, ability: AppAbility, siteAreaId: string): Promise<void> {
    const area = await this.siteAreas.find(principal.tenantId, siteAreaId);
    if (!area || !canOn(ability, 'list', 'Asset', { siteId: area.siteId, siteAreaId })) {
      throw new NotFoundError('SiteArea', siteAreaId);
    }
  }

  /** The asset if the caller may change it (push readings, update, delete). */
  async getUpdatable(principal: Principal, ability: AppAbility, id: string): Promise<AssetRecord> {
    const asset = await this.getReadable(principal, ability, id);
    if (!canOn(ability, 'update', 'Asset', asset)) throw new ForbiddenError('You may not update this Asset');
    return asset;
  }

  /** Any asset of the tenant, without an ability check (the push endpoint, the pull connector). */
  find(tenantId: TenantId, id: string): Promise<AssetRecord | null> {
    return this.assets.findById(tenantId, id);
  }

  /** The assets of these site areas that smart charging counts. */
  async ofSiteAreas(tenantId: TenantId, siteAreaIds: readonly string[]): Promise<AssetRecord[]> {
    const assets = await this.assets.list(tenantId, {}, siteAreaIds);
    return assets.filter((asset) => !asset.excludeFromSmartCharging);
  }

  async create(
    principal: Principal,
    ability: AppAbility,
    input: CreateAssetInput,
  ): Promise<CreateAssetPayload> {
    const area = await this.siteAreas.find(principal.tenantId, input.siteAreaId);
    if (!area) throw new BadInputError(`Site area ${input.siteAreaId} not found`, { field: 'siteAreaId' });
    if (!canOn(ability, 'create', 'Asset', { siteId: area.siteId, siteAreaId: area.id })) {
      throw new ForbiddenError('You may not create assets in this site area');
    }
    const key = issueAssetApiKey();
    const connector = input.connector ? this.sealed(input.connector) : undefined;
    const asset = await this.assets.create(principal.tenantId, {
      name: input.name,
      type: input.type,
      siteAreaId: area.id,
      siteId: area.siteId,
      staticValueWatts: input.staticValueWatts,
      fluctuationPercent: input.fluctuationPercent ?? 0,
      variationThresholdPercent: input.variationThresholdPercent ?? 10,
      // Readings pulled make an asset measured.
      dynamic: (input.dynamic ?? false) || connector !== undefined,
      excludeFromSmartCharging: input.excludeFromSmartCharging ?? false,
      meterId: input.meterId,
      connector,
      nextPullAt: connector ? new Date() : undefined,
      apiKeyHash: key.hash,
      apiKeyPrefix: key.prefix,
    });
    await this.announce(principal.tenantId, asset);
    return { asset, apiKey: key.key };
  }

  async update(principal: Principal, ability: AppAbility, input: UpdateAssetInput): Promise<Asset> {
    const existing = await this.getUpdatable(principal, ability, input.id);
    const { id, connector, ...fields } = input;
    const set: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
    );
    const update: UpdateQuery<AssetDocument> = { $set: set };
    if (connector === null) {
      update.$unset = { connector: 1, nextPullAt: 1 };
    } else if (connector) {
      set.connector = this.sealed(connector, existing.storedConnector);
      set.nextPullAt = new Date();
      set.dynamic = true;
    }
    const updated = await this.assets.update(principal.tenantId, id, update);
    if (!updated) throw new NotFoundError('Asset', id);
    await this.announce(principal.tenantId, updated);
    return updated;
  }

  async delete(principal: Principal, ability: AppAbility, id: string): Promise<boolean> {
    const asset = await this.getReadable(principal, ability, id);
    if (!canOn(ability, 'delete', 'Asset', asset)) throw new ForbiddenError('You may not delete this Asset');
    const removed = await this.assets.remove(principal.tenantId, id);
    if (removed) {
      await this.readings.deleteOfAsset(principal.tenantId, id);
      await this.announce(principal.tenantId, asset);
    }
    return removed;
  }

  /** A new push key; the old one stops working at once. */
  async rotateApiKey(principal: Principal, ability: AppAbility, id: string): Promise<CreateAssetPayload> {
    await this.getUpdatable(principal, ability, id);
    const key = issueAssetApiKey();
    const asset = await this.assets.update(principal.tenantId, id, {
      $set: { apiKeyHash: key.hash, apiKeyPrefix: key.prefix },
    });
    if (!asset) throw new NotFoundError('Asset', id);
    return { asset, apiKey: key.key };
  }

  /**
   * The connector as stored: secrets sealed. A secret left out of an update keeps the one stored
   * (so an operator can change the mapping without typing the secret again).
   */
  private sealed(input: AssetConnectorInput, previous?: StoredConnector): StoredConnector {
    const { apiKey, clientSecret, mapping, ...fields } = input;
    const connector: StoredConnector = {
      ...fields,
      mapping: Object.fromEntries(Object.entries(mapping).filter(([, path]) => typeof path === 'string')),
      apiKeySealed: apiKey ? this.cipher.encrypt(apiKey) : previous?.apiKeySealed,
      clientSecretSealed: clientSecret ? this.cipher.encrypt(clientSecret) : previous?.clientSecretSealed,
    };
    if (connector.auth === AssetConnectorAuth.API_KEY && !connector.apiKeySealed) {
      throw new BadInputError('An API_KEY connector needs apiKey', { field: 'connector.apiKey' });
    }
    if (connector.auth === AssetConnectorAuth.OAUTH2_CLIENT_CREDENTIALS) {
      if (!connector.tokenUrl || !connector.clientId || !connector.clientSecretSealed) {
        throw new BadInputError('An OAuth2 connector needs tokenUrl, clientId and clientSecret', {
          field: 'connector',
        });
      }
    }
    return Object.fromEntries(
      Object.entries(connector).filter(([, value]) => value !== undefined),
    ) as unknown as StoredConnector;
  }

  private announce(tenantId: TenantId, asset: Asset): Promise<void> {
    return this.events.publish(
      domainEvent(ASSETS_CHANGED, tenantId, { siteAreaId: asset.siteAreaId, assetId: asset.id }),
    );
  }
}
