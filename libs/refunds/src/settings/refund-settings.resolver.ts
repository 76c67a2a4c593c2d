import { CheckAbility, CurrentPrincipal, Principal } from '@csms/auth';
import { OAUTH2_CALLBACK_PATH } from '@csms/connections';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RefundSettingsInput } from './dto/refund-settings.input';
import { RefundSettingsModel } from './models/refund-settings.model';
import { RefundSettings } from './refund-settings';
import { RefundSettingsService } from './refund-settings.service';

@Resolver(() => RefundSettingsModel)
export class RefundSettingsResolver {
  constructor(private readonly settings: RefundSettingsService) {}

  @Query(() => RefundSettingsModel)
  @CheckAbility('read', 'RefundSettings')
  async refundSettings(@CurrentPrincipal() principal: Principal): Promise<RefundSettingsModel> {
    return this.present(await this.settings.get(principal.tenantId));
  }

  @Mutation(() => RefundSettingsModel)
  @CheckAbility('update', 'RefundSettings')
  async updateRefundSettings(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RefundSettingsInput,
  ): Promise<RefundSettingsModel> {
    return this.present(await this.settings.update(principal.tenantId, input));
  }

  private present(settings: RefundSettings): RefundSettingsModel {
    return {
      enabled: settings.enabled,
      clientId: this.settings.clientIdOf(settings),
      clientSecretSet: !!settings.clientSecretSealed,
      clientSecretLast4: settings.clientSecretLast4,
      authenticationUrl: settings.authenticationUrl,
      apiUrl: settings.apiUrl,
      scope: settings.scope,
      expenseTypeCode: settings.expenseTypeCode,
      paymentTypeId: settings.paymentTypeId,
      policyId: settings.policyId,
      reportName: settings.reportName,
      redirectPath: OAUTH2_CALLBACK_PATH,
    };
  }
}
