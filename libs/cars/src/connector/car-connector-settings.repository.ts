import { TenantSettingsRepository } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CarConnectorSettings, DEFAULT_CAR_CONNECTOR_SETTINGS } from './car-connector-settings';
import { CarConnectorSettingsDocument } from './schemas/car-connector-settings.schema';

const FIELDS = [
  'enabled',
  'name',
  'grantType',
  'authorizeUrl',
  'tokenUrl',
  'clientIdSealed',
  'clientSecretSealed',
  'clientSecretLast4',
  'scope',
  'vehiclesUrl',
  'readingUrl',
  'mapping',
] as const satisfies readonly (keyof CarConnectorSettings)[];

@Injectable()
export class CarConnectorSettingsRepository extends TenantSettingsRepository<
  CarConnectorSettings,
  CarConnectorSettingsDocument
> {
  constructor(@InjectModel(CarConnectorSettingsDocument.name) model: Model<CarConnectorSettingsDocument>) {
    super(model, DEFAULT_CAR_CONNECTOR_SETTINGS, FIELDS);
  }
}
