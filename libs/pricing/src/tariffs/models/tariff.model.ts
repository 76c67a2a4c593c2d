import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  DayOfWeek,
  ReservationRestrictionType,
  TariffDimensionType,
  TariffType,
} from '../../graphql/pricing-enums';

@ObjectType('Price', { description: 'An amount in the tariff’s currency' })
export class PriceModel {
  @Field(() => Float)
  exclVat: number;

  @Field(() => Float, { nullable: true })
  inclVat?: number;
}

@ObjectType('PriceComponent')
export class PriceComponentModel {
  @Field(() => TariffDimensionType)
  type: TariffDimensionType;

  @Field(() => Float, { description: 'Per kWh, per hour, or once (FLAT), excluding VAT' })
  price: number;

  @Field(() => Float, { nullable: true, description: 'Percent; null means no VAT applies (not 0 %)' })
  vat?: number;

  @Field(() => Int, { description: 'Billing block: Wh for ENERGY, seconds for TIME and PARKING_TIME' })
  stepSize: number;
}

@ObjectType('TariffRestrictions', {
  description: 'When an element applies; times and dates on the site’s clock',
})
export class TariffRestrictionsModel {
  @Field(() => String, { nullable: true, description: 'HH:MM, inclusive' })
  startTime?: string;

  @Field(() => String, {
    nullable: true,
    description: 'HH:MM, exclusive; before startTime wraps past midnight',
  })
  endTime?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  startDate?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, exclusive' })
  endDate?: string;

  @Field(() => Float, { nullable: true })
  minKwh?: number;

  @Field(() => Float, { nullable: true })
  maxKwh?: number;

  @Field(() => Float, { nullable: true, description: 'A, over all phases' })
  minCurrent?: number;

  @Field(() => Float, { nullable: true })
  maxCurrent?: number;

  @Field(() => Float, { nullable: true, description: 'kW' })
  minPower?: number;

  @Field(() => Float, { nullable: true })
  maxPower?: number;

  @Field(() => Int, { nullable: true, description: 'Seconds since the session started' })
  minDuration?: number;

  @Field(() => Int, { nullable: true })
  maxDuration?: number;

  @Field(() => [DayOfWeek], { nullable: true })
  dayOfWeek?: DayOfWeek[];

  @Field(() => ReservationRestrictionType, { nullable: true })
  reservation?: ReservationRestrictionType;
}

@ObjectType('TariffElement')
export class TariffElementModel {
  @Field(() => [PriceComponentModel])
  priceComponents: PriceComponentModel[];

  @Field(() => TariffRestrictionsModel, { nullable: true })
  restrictions?: TariffRestrictionsModel;
}

@ObjectType('DisplayText')
export class DisplayTextModel {
  @Field({ description: 'ISO 639-1 language code' })
  language: string;

  @Field()
  text: string;
}

@ObjectType('Tariff', { description: 'An OCPI 2.2.1 tariff (see ocpiJson for the exact OCPI object)' })
export class TariffModel {
  @Field(() => ID)
  id: string;

  tenantId?: string;

  @Field()
  name: string;

  @Field({ description: 'ISO 4217' })
  currency: string;

  @Field(() => TariffType, { nullable: true })
  type?: TariffType;

  @Field(() => [DisplayTextModel])
  tariffAltText: DisplayTextModel[];

  @Field(() => String, { nullable: true })
  tariffAltUrl?: string;

  @Field(() => [TariffElementModel], {
    description: 'Per dimension, the first element whose restrictions hold applies',
  })
  elements: TariffElementModel[];

  @Field(() => PriceModel, { nullable: true })
  minPrice?: PriceModel;

  @Field(() => PriceModel, { nullable: true })
  maxPrice?: PriceModel;

  @Field(() => Date, { nullable: true })
  startDateTime?: Date;

  @Field(() => Date, { nullable: true })
  endDateTime?: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;
}
