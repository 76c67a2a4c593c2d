import { TenantSettingsRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DEFAULT_REFUND_SETTINGS, RefundSettings } from './refund-settings';
import { RefundSettingsDocument } from './schemas/refund-settings.schema';

const FIELDS = [
  'enabled',
  'clientIdSealed',
  'clientSecretSealed',
  'clientSecretLast4',
  'authenticationUrl',
  'apiUrl',
  'scope',
  'expenseTypeCode',
  'paymentTypeId',
  'policyId',
  'reportName',
] as const satisfies readonly (keyof RefundSettings)[];

@Injectable()
export class RefundSettingsRepository extends TenantSettingsRepository<
  RefundSettings,
  RefundSettingsDocument
> {
  constructor(@InjectModel(RefundSettingsDocument.name) model: Model<RefundSettingsDocument>) {
    super(model, DEFAULT_REFUND_SETTINGS, FIELDS);
  }
}
