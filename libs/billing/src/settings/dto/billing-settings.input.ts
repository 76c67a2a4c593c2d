import { Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@InputType({ description: 'Absent fields keep their value; secrets are write-only' })
export class BillingSettingsInput {
  @Field()
  @IsBoolean()
  enabled: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Stripe secret (sk_…) or restricted (rk_…) key; live keys only in production',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  secretKey?: string;

  @Field(() => String, { nullable: true, description: 'Stripe publishable key (pk_…), handed to frontends' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  publicKey?: string;

  @Field(() => String, { nullable: true, description: 'Stripe webhook signing secret (whsec_…)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  webhookSecret?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Stripe Connect: the signing secret (whsec_…) of the endpoint for connected accounts’ events (account.updated), posted to the same path',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  connectWebhookSecret?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: each session is invoiced and charged when it stops; false: one invoice per user and month',
  })
  @IsOptional()
  @IsBoolean()
  immediateBilling?: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Tax rate (%) of what a tariff prices without VAT; tariffs with VAT keep theirs',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  taxRatePercent?: number;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217; must be the pricing currency (its default)',
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @Field(() => Int, { nullable: true, description: 'Sessions shorter than this are free (seconds)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  freeSessionMaxSeconds?: number;

  @Field(() => Float, { nullable: true, description: 'Sessions delivering less than this are free (Wh)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  freeSessionMaxWh?: number;

  @Field(() => Float, { nullable: true, description: 'Stripe Connect: platform fee per paid session, flat' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  platformFeeFlat?: number;

  @Field(() => Float, { nullable: true, description: 'Stripe Connect: platform fee per paid session, in %' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  platformFeePercent?: number;
}
