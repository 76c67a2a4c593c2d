import { Injectable } from '@nestjs/common';
import { RoamingSessionCost, SessionCost } from './session-cost';

/** Until sessions are priced: the currency of the tenant's roaming, no cost, no charging periods. */
@Injectable()
export class NoSessionCost extends RoamingSessionCost {
  async costOf(): Promise<SessionCost> {
    return { currency: 'EUR', chargingPeriods: [] };
  }
}
