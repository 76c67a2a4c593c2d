export * from './asset.service';
export * from './asset-reading.repository';
export type { AssetRecord } from './asset.repository';
export * from './assets.module';
export * from './events/asset-events';
export * from './models/asset-reading.model';
export * from './models/asset-type';
export * from './models/asset.model';
export * from './readings/effective-load';
