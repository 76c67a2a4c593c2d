import { TenantDocument } from '@csms/database';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AssetConnectorAuth } from '../models/asset-type';

/** A reading as embedded in the asset (its last one) and stored in asset_readings. */
export interface StoredReading {
  timestamp: Date;
  watts: number;
  wattsL1?: number;
  wattsL2?: number;
  wattsL3?: number;
  ampsL1?: number;
  ampsL2?: number;
  ampsL3?: number;
  voltsL1?: number;
  voltsL2?: number;
  voltsL3?: number;
  stateOfCharge?: number;
}

/** The pull connector; secrets sealed by SecretCipher. */
export interface StoredConnector {
  url: string;
  auth: AssetConnectorAuth;
  apiKeyHeader?: string;
  apiKeySealed?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecretSealed?: string;
  scope?: string;
  mapping: Record<string, string>;
  powerFactor: number;
  refreshIntervalSeconds: number;
  lastPullAt?: Date;
  lastPullError?: string;
}

@Schema({ collection: 'assets', timestamps: true })
export class AssetDocument extends TenantDocument {
  @Prop({ required: true })
  name: string;

  @Prop({ required: true })
  type: string;

  @Prop({ required: true })
  siteAreaId: string;

  /** Copied from the site area at creation (areas never change site): site roles check it. */
  @Prop({ required: true })
  siteId: string;

  @Prop({ required: true })
  staticValueWatts: number;

  @Prop({ default: 0 })
  fluctuationPercent: number;

  @Prop({ default: 10 })
  variationThresholdPercent: number;

  @Prop({ default: false })
  dynamic: boolean;

  @Prop({ default: false })
  excludeFromSmartCharging: boolean;

  @Prop()
  meterId?: string;

  @Prop({ type: Object })
  lastReading?: StoredReading;

  @Prop()
  triggerWatts?: number;

  @Prop({ type: Object })
  connector?: StoredConnector;

  /** When the pull connector is due next (absent without a connector). */
  @Prop()
  nextPullAt?: Date;

  /** SHA-256 of the push API key (256 random bits: a fast hash is enough). */
  @Prop()
  apiKeyHash?: string;

  @Prop()
  apiKeyPrefix?: string;

  createdAt?: Date;
}

export const AssetSchema = SchemaFactory.createForClass(AssetDocument);
AssetSchema.index({ tenantId: 1, siteAreaId: 1 });
AssetSchema.index({ tenantId: 1, nextPullAt: 1 });
