import { TenantId } from '@csms/common';
import { OAuth2Connections } from '@csms/connections';
import { JobQueue } from '@csms/database';
import { Injectable } from '@nestjs/common';
import { Car } from '../../cars/car';
import { CarDataGrantType, incompleteCarConnectorSettings } from '../car-connector-settings';
import { CarConnectorSettingsService } from '../car-connector-settings.service';
import { CAR_DATA_CONNECTION } from '../car-data-connection';
import { CAR_SOC_QUEUE, CarSocPayload } from './car-soc.job';

/**
 * Starts following a session's car (CarSocJob) when it can be read: the tenant's connector is on,
 * the car has a VIN, and (authorization-code flow) its driver connected their account.
 */
@Injectable()
export class CarSocFollower {
  constructor(
    private readonly settings: CarConnectorSettingsService,
    private readonly connections: OAuth2Connections,
    private readonly jobs: JobQueue,
  ) {}

  async follow(tenantId: TenantId, transactionId: string, car: Car): Promise<void> {
    if (!car.vin) return;
    const settings = await this.settings.get(tenantId);
    if (!settings.enabled || incompleteCarConnectorSettings(settings)) return;
    if (settings.grantType === CarDataGrantType.AUTHORIZATION_CODE) {
      const connection = await this.connections.find(tenantId, car.userId, CAR_DATA_CONNECTION);
      if (!connection || connection.brokenReason) return;
    }
    await this.jobs.enqueue<CarSocPayload>(
      tenantId,
      CAR_SOC_QUEUE,
      { transactionId, userId: car.userId, carId: car.id },
      { key: transactionId },
    );
  }
}
