import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

@InputType()
export class UpdatePricingSettingsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'defaultCurrency must be an ISO 4217 code such as EUR' })
  defaultCurrency?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(3600)
  costUpdatedIntervalSeconds?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'ocpiCountryCode is two capital letters (ISO 3166-1 alpha-2)' })
  ocpiCountryCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{3}$/, { message: 'ocpiPartyId is three capital letters or digits' })
  ocpiPartyId?: string;
}
