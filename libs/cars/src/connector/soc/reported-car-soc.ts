import { TenantId } from '@csms/common';
import { SessionCarStateOfCharge } from '@csms/smart-charging';
import { Injectable } from '@nestjs/common';
import { CarSocReadingRepository } from './car-soc-reading.repository';

/** Smart charging's SessionCarStateOfCharge port: the latest state of charge each session's car reported. */
@Injectable()
export class ReportedCarSoc extends SessionCarStateOfCharge {
  constructor(private readonly readings: CarSocReadingRepository) {
    super();
  }

  async stateOfChargeOf(tenantId: TenantId, transactionIds: readonly string[]): Promise<Map<string, number>> {
    const latest = await this.readings.latestOf(tenantId, transactionIds);
    return new Map([...latest].map(([transactionId, reading]) => [transactionId, reading.stateOfCharge]));
  }
}
