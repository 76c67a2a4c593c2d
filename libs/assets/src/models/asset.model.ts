import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { AssetConnector } from './asset-connector.model';
import { AssetReading } from './asset-reading.model';
import { AssetType } from './asset-type';

@ObjectType({ description: 'A building, solar plant, battery or other load in a site area' })
export class Asset {
  @Field(() => ID)
  id: string;

  tenantId: string;

  @Field()
  name: string;

  @Field(() => AssetType)
  type: AssetType;

  @Field(() => ID)
  siteAreaId: string;

  @Field(() => ID, { description: 'The site of its site area' })
  siteId: string;

  @Field(() => Float, {
    description: 'W drawn from the supply when nothing is measured (negative: produced)',
  })
  staticValueWatts: number;

  @Field(() => Float, {
    description: 'Safety margin on measured values, %: consumption counts this much more, production less',
  })
  fluctuationPercent: number;

  @Field(() => Float, { description: 'A change of more than this % replans smart charging at once' })
  variationThresholdPercent: number;

  @Field({ description: 'Measured (readings pushed or pulled) rather than static' })
  dynamic: boolean;

  @Field({ description: 'Smart charging ignores this asset' })
  excludeFromSmartCharging: boolean;

  @Field(() => String, { nullable: true, description: "The meter's own id" })
  meterId?: string;

  @Field(() => AssetReading, { nullable: true })
  lastReading?: AssetReading;

  @Field(() => AssetConnector, { nullable: true, description: 'Readings pulled from an HTTP/JSON meter' })
  connector?: AssetConnector;

  @Field(() => String, { nullable: true, description: 'The first characters of the push API key' })
  apiKeyPrefix?: string;

  /** The value the last significant change was measured against (variation threshold). */
  triggerWatts?: number;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}

@ObjectType()
export class CreateAssetPayload {
  @Field(() => Asset)
  asset: Asset;

  @Field({ description: 'The key for POST /assets/{tenant}/{assetId}/readings; shown once, stored hashed' })
  apiKey: string;
}
