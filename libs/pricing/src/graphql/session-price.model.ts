import { Field, Float, ObjectType } from '@nestjs/graphql';
import { TariffDimensionType } from './pricing-enums';
import { PriceModel } from '../tariffs/models/tariff.model';

@ObjectType('PricedDimension')
export class PricedDimensionModel {
  @Field(() => TariffDimensionType)
  type: TariffDimensionType;

  @Field(() => Float, { description: 'Billed (after step rounding): kWh, hours, or 1 for FLAT' })
  quantity: number;

  @Field(() => PriceModel)
  price: PriceModel;
}

@ObjectType('SessionPrice', {
  description:
    'A session’s price: totals rounded once to the currency’s minor units; dimensions each rounded for display',
})
export class SessionPriceModel {
  @Field(() => Float)
  exclVat: number;

  @Field(() => Float, { nullable: true })
  inclVat?: number;

  @Field()
  currency: string;

  @Field(() => [PricedDimensionModel])
  dimensions: PricedDimensionModel[];
}
