import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BillingSettings', { description: 'A tenant’s billing settings; secrets are never returned' })
export class BillingSettingsModel {
  @Field()
  enabled: boolean;

  @Field({ description: 'Whether a secret key is set' })
  secretKeySet: boolean;

  @Field(() => String, { nullable: true, description: 'The secret key’s last 4 characters' })
  secretKeyLast4?: string;

  @Field(() => String, { nullable: true })
  publicKey?: string;

  @Field({ description: 'Whether a webhook signing secret is set' })
  webhookSecretSet: boolean;

  @Field(() => String, { nullable: true })
  webhookSecretLast4?: string;

  @Field({ description: 'Whether the signing secret of connected accounts’ events is set' })
  connectWebhookSecretSet: boolean;

  @Field(() => String, { nullable: true })
  connectWebhookSecretLast4?: string;

  @Field({ description: 'The path Stripe posts events to (POST, on this server)' })
  webhookPath: string;

  @Field()
  immediateBilling: boolean;

  @Field(() => Float, { nullable: true })
  taxRatePercent?: number;

  @Field(() => String, { nullable: true })
  currency?: string;

  @Field(() => Int)
  freeSessionMaxSeconds: number;

  @Field(() => Float)
  freeSessionMaxWh: number;

  @Field(() => Float)
  platformFeeFlat: number;

  @Field(() => Float)
  platformFeePercent: number;
}
