import { Field, ObjectType } from '@nestjs/graphql';
import { CarDataGrantType } from '../car-connector-settings';

@ObjectType('CarDataFieldMapping', { description: "Where the service's JSON holds each figure" })
export class CarDataFieldMappingModel {
  @Field()
  vehicleList: string;

  @Field()
  vehicleId: string;

  @Field()
  vehicleVin: string;

  @Field()
  stateOfCharge: string;

  @Field(() => String, { nullable: true })
  timestamp?: string;

  @Field(() => String, { nullable: true })
  odometer?: string;

  @Field(() => String, { nullable: true })
  range?: string;
}

@ObjectType('CarConnectorSettings', {
  description: "A tenant's car-data connector; the client secret is never returned",
})
export class CarConnectorSettingsModel {
  @Field()
  enabled: boolean;

  @Field()
  name: string;

  @Field(() => CarDataGrantType)
  grantType: CarDataGrantType;

  @Field(() => String, { nullable: true })
  authorizeUrl?: string;

  @Field(() => String, { nullable: true })
  tokenUrl?: string;

  @Field(() => String, { nullable: true })
  clientId?: string;

  @Field({ description: 'Whether a client secret is set' })
  clientSecretSet: boolean;

  @Field(() => String, { nullable: true, description: 'The client secret’s last 4 characters' })
  clientSecretLast4?: string;

  @Field(() => String, { nullable: true })
  scope?: string;

  @Field(() => String, { nullable: true })
  vehiclesUrl?: string;

  @Field(() => String, { nullable: true })
  readingUrl?: string;

  @Field(() => CarDataFieldMappingModel)
  mapping: CarDataFieldMappingModel;

  @Field({ description: 'The redirect URI to register with the service (GET, on this server)' })
  redirectPath: string;
}
