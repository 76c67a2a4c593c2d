import { DomainEvent } from '@csms/events';
import { AssetReading } from '../models/asset-reading.model';

export const ASSET_READING_ADDED = 'AssetReadingAdded';
export const ASSETS_CHANGED = 'AssetsChanged';

/**
 * A new latest reading of an asset. `significant`: it moved past the asset's variation threshold
 * (smart charging plans again at once).
 */
export type AssetReadingAddedEvent = DomainEvent<
  typeof ASSET_READING_ADDED,
  { siteAreaId: string; reading: AssetReading; significant: boolean }
>;

/** An asset of the site area was created, changed or deleted. */
export type AssetsChangedEvent = DomainEvent<typeof ASSETS_CHANGED, { siteAreaId: string; assetId: string }>;
