import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { AssetReadingRepository } from './asset-reading.repository';
import { AssetRecord, AssetRepository, readingOf } from './asset.repository';
import { AssetReadingInput } from './dto/asset-reading.input';
import { ASSET_READING_ADDED } from './events/asset-events';
import { AssetReading } from './models/asset-reading.model';
import { validatedReading } from './readings/reading-validation';
import { isSignificantChange } from './readings/significant-change';

/**
 * Every reading, pushed (GraphQL, HTTP) or pulled, goes through here: validated, stored in the
 * asset's curve, made its last reading when it is the latest, and announced (live subscriptions,
 * the area's load curve; smart charging when it moved past the variation threshold).
 */
@Injectable()
export class AssetReadingService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly readings: AssetReadingRepository,
    private readonly events: EventBus,
  ) {}

  async record(tenantId: TenantId, asset: AssetRecord, input: AssetReadingInput): Promise<AssetReading> {
    const stored = validatedReading(asset.type, input, new Date());
    const reading = readingOf(asset.id, stored);
    if (!(await this.readings.add(tenantId, asset.id, asset.siteAreaId, stored))) return reading;
    const significant = isSignificantChange(
      stored.watts,
      asset.triggerWatts,
      asset.staticValueWatts,
      asset.variationThresholdPercent,
    );
    const latest = await this.assets.recordLatest(
      tenantId,
      asset.id,
      stored,
      significant ? stored.watts : undefined,
    );
    if (latest) {
      await this.events.publish(
        domainEvent(ASSET_READING_ADDED, tenantId, { siteAreaId: asset.siteAreaId, reading, significant }),
      );
    }
    return reading;
  }

  curve(tenantId: TenantId, assetId: string, from: Date, to: Date, limit: number): Promise<AssetReading[]> {
    return this.readings.range(tenantId, assetId, from, to, limit);
  }
}
