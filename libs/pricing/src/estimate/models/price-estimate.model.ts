import { Field, ObjectType } from '@nestjs/graphql';
import { SessionPriceModel } from '../../graphql/session-price.model';
import { TariffModel } from '../../tariffs/models/tariff.model';

@ObjectType('PriceEstimate', {
  description: 'What a session would cost, for showing a price before charging',
})
export class PriceEstimateModel {
  @Field(() => SessionPriceModel, { nullable: true, description: 'Null when no tariff applies' })
  price?: SessionPriceModel;

  @Field(() => TariffModel, { nullable: true })
  tariff?: TariffModel;

  @Field({ description: 'Which tariff applies and why, and how the session was assumed to go' })
  reason: string;
}
