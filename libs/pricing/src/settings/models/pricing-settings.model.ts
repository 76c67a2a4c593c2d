import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PricingSettings')
export class PricingSettingsModel {
  @Field({ description: 'ISO 4217' })
  defaultCurrency: string;

  @Field(() => Int, { description: 'How often stations are sent a running session’s cost' })
  costUpdatedIntervalSeconds: number;

  @Field({ description: 'OCPI country code of this CPO (Tariff.country_code)' })
  ocpiCountryCode: string;

  @Field({ description: 'OCPI party id of this CPO (Tariff.party_id)' })
  ocpiPartyId: string;
}
