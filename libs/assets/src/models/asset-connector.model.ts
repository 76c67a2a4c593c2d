import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AssetConnectorAuth } from './asset-type';

@ObjectType({
  description: 'Where each reading field is found in the meter JSON (dotted paths, [n] for arrays)',
})
export class AssetReadingMapping {
  @Field()
  watts: string;

  @Field(() => String, { nullable: true })
  wattsL1?: string;

  @Field(() => String, { nullable: true })
  wattsL2?: string;

  @Field(() => String, { nullable: true })
  wattsL3?: string;

  @Field(() => String, { nullable: true })
  ampsL1?: string;

  @Field(() => String, { nullable: true })
  ampsL2?: string;

  @Field(() => String, { nullable: true })
  ampsL3?: string;

  @Field(() => String, { nullable: true })
  voltsL1?: string;

  @Field(() => String, { nullable: true })
  voltsL2?: string;

  @Field(() => String, { nullable: true })
  voltsL3?: string;

  @Field(() => String, { nullable: true })
  stateOfCharge?: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 or epoch seconds/ms; absent: time of the pull',
  })
  timestamp?: string;
}

@ObjectType({ description: 'The generic HTTP/JSON pull connector of an asset (secrets never shown)' })
export class AssetConnector {
  @Field()
  url: string;

  @Field(() => AssetConnectorAuth)
  auth: AssetConnectorAuth;

  @Field(() => String, { nullable: true, description: 'API_KEY: the header the key is sent in' })
  apiKeyHeader?: string;

  @Field(() => String, { nullable: true, description: 'OAUTH2_CLIENT_CREDENTIALS: the token endpoint' })
  tokenUrl?: string;

  @Field(() => String, { nullable: true })
  clientId?: string;

  @Field(() => String, { nullable: true })
  scope?: string;

  @Field(() => AssetReadingMapping)
  mapping: AssetReadingMapping;

  @Field(() => Float, {
    description: 'Power and energy figures of the meter are multiplied by this (kW: 1000)',
  })
  powerFactor: number;

  @Field(() => Int)
  refreshIntervalSeconds: number;

  @Field(() => Date, { nullable: true })
  lastPullAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why the last pull failed; null once one succeeds' })
  lastPullError?: string;
}
