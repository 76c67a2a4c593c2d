import { registerEnumType } from '@nestjs/graphql';
import { DayOfWeek, ReservationRestrictionType, TariffDimensionType, TariffType } from '../model/tariff';
import { TariffLevel } from '../model/tariff-assignment';

registerEnumType(TariffDimensionType, { name: 'TariffDimensionType' });
registerEnumType(DayOfWeek, { name: 'DayOfWeek' });
registerEnumType(TariffType, {
  name: 'TariffType',
  description: 'OCPI: for whom the tariff is (ad hoc payment, charging preference profiles); none means all',
});
registerEnumType(ReservationRestrictionType, { name: 'ReservationRestrictionType' });
registerEnumType(TariffLevel, {
  name: 'TariffLevel',
  description: 'Where a tariff is assigned; the most specific matching assignment wins',
});

export { DayOfWeek, ReservationRestrictionType, TariffDimensionType, TariffLevel, TariffType };
