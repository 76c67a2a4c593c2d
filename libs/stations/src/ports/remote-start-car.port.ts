import { TenantId } from '@csms/common';

/** The car a remote start names for the session it starts. */
export interface RemoteStartCar {
  chargingStationId: string;
  tagId: string;
  /** The badge holder: the car must be theirs. */
  driverId: string;
  carId: string;
}

/**
 * Port: a car chosen in remoteStartTransaction (libs/cars provides it). `choose` refuses a car that is
 * not the driver's (BadInputError) and keeps it for the session the station starts next with the badge.
 */
export abstract class RemoteStartCars {
  abstract choose(tenantId: TenantId, choice: RemoteStartCar): Promise<void>;
  /** The station refused to start: the choice is dropped. */
  abstract forget(tenantId: TenantId, chargingStationId: string, tagId: string): Promise<void>;
}
