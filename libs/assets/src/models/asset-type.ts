import { registerEnumType } from '@nestjs/graphql';

export enum AssetType {
  BUILDING = 'BUILDING',
  SOLAR = 'SOLAR',
  BATTERY = 'BATTERY',
  OTHER = 'OTHER',
}
registerEnumType(AssetType, {
  name: 'AssetType',
  description:
    'BUILDING consumes, SOLAR produces, BATTERY does both (with a state of charge), OTHER is any uncontrolled load',
});

export enum AssetConnectorAuth {
  NONE = 'NONE',
  API_KEY = 'API_KEY',
  OAUTH2_CLIENT_CREDENTIALS = 'OAUTH2_CLIENT_CREDENTIALS',
}
registerEnumType(AssetConnectorAuth, {
  name: 'AssetConnectorAuth',
  description: 'How the pull connector authenticates to the meter: nothing, an API key header, or OAuth2',
});
