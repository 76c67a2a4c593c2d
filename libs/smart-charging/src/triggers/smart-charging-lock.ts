import { INSTANCE_ID } from '@csms/cluster';
import { HousekeepingLockRepository, JobLock } from '@csms/housekeeping';
import { Provider } from '@nestjs/common';

/** DI token of the lock smart charging takes per site-area tree (the housekeeping leases). */
export const SMART_CHARGING_LOCK = Symbol('SMART_CHARGING_LOCK');

export const smartChargingLockProvider: Provider = {
  provide: SMART_CHARGING_LOCK,
  inject: [HousekeepingLockRepository, INSTANCE_ID],
  useFactory: (store: HousekeepingLockRepository, instanceId: string) => new JobLock(store, instanceId),
};
