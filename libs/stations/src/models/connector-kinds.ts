import { registerEnumType } from '@nestjs/graphql';

export enum ConnectorType {
  Type1 = 'Type1',
  Type2 = 'Type2',
  Type3C = 'Type3C',
  CCS1 = 'CCS1',
  CCS = 'CCS',
  CHAdeMO = 'CHAdeMO',
  GBT = 'GBT',
  Tesla = 'Tesla',
  Domestic = 'Domestic',
  Other = 'Other',
}
registerEnumType(ConnectorType, {
  name: 'ConnectorType',
  description: 'Plug or socket: CCS is Combo 2 (IEC 62196-3), CCS1 Combo 1, Domestic a household socket',
});

export enum CurrentType {
  AC = 'AC',
  DC = 'DC',
}
registerEnumType(CurrentType, { name: 'CurrentType' });
