import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { webhookPathOf } from '../webhooks/webhook-path';
import { BillingSettingsInput } from './dto/billing-settings.input';
import { BillingSettingsModel } from './models/billing-settings.model';
import { BillingSettingsService } from './billing-settings.service';

@Resolver(() => BillingSettingsModel)
export class BillingSettingsResolver {
  constructor(private readonly settings: BillingSettingsService) {}

  @Query(() => BillingSettingsModel)
  @CheckAbility('read', 'BillingSettings')
  async billingSettings(@CurrentPrincipal() principal: Principal): Promise<BillingSettingsModel> {
    const settings = await this.settings.get(principal.tenantId);
    return {
      enabled: settings.enabled,
      secretKeySet: !!settings.secretKeySealed,
      secretKeyLast4: settings.secretKeyLast4,
      publicKey: settings.publicKey,
      webhookSecretSet: !!settings.webhookSecretSealed,
      webhookSecretLast4: settings.webhookSecretLast4,
      connectWebhookSecretSet: !!settings.connectWebhookSecretSealed,
      connectWebhookSecretLast4: settings.connectWebhookSecretLast4,
      webhookPath: webhookPathOf(principal.tenantId),
      immediateBilling: settings.immediateBilling,
      taxRatePercent: settings.taxRatePercent,
      currency: settings.currency,
      freeSessionMaxSeconds: settings.freeSessionMaxSeconds,
      freeSessionMaxWh: settings.freeSessionMaxWh,
      platformFeeFlat: settings.platformFeeFlat,
      platformFeePercent: settings.platformFeePercent,
    };
  }

  @Mutation(() => Boolean, { description: 'Live keys are refused outside production' })
  @CheckAbility('update', 'BillingSettings')
  async updateBillingSettings(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: BillingSettingsInput,
  ): Promise<boolean> {
    await this.settings.update(principal.tenantId, input);
    return true;
  }
}
