import { OutboundFetch } from '@csms/common';
import { AccessTokenRejected } from '@csms/connections';
import { CarDataFieldMapping, CarDataVehicle, CarReading, readingOf, vehicleOfVin } from './car-data-mapping';

const REQUEST_TIMEOUT_MS = 15_000;

/** The service refused a request for good (4xx other than 401): asking again the same cannot help. */
export class CarDataRefusal extends Error {}

export interface CarDataEndpoints {
  vehiclesUrl: string;
  readingUrl: string;
  mapping: CarDataFieldMapping;
}

/**
 * Calls to a car-data service with one access token. 401 throws AccessTokenRejected (the token is
 * renewed and the call tried again); 5xx and network errors are transient (the job retries).
 */
export class CarDataClient {
  constructor(
    private readonly http: OutboundFetch,
    private readonly endpoints: CarDataEndpoints,
    private readonly accessToken: string,
  ) {}

  /** The vehicle of this VIN among those the token sees, or null. */
  async vehicleOf(vin: string): Promise<CarDataVehicle | null> {
    return vehicleOfVin(await this.get(this.endpoints.vehiclesUrl), this.endpoints.mapping, vin);
  }

  async readingOf(vehicle: CarDataVehicle): Promise<CarReading> {
    const url = this.endpoints.readingUrl
      .replaceAll('{vehicleId}', encodeURIComponent(vehicle.id))
      .replaceAll('{vin}', encodeURIComponent(vehicle.vin));
    return readingOf(await this.get(url), this.endpoints.mapping, new Date());
  }

  private async get(url: string): Promise<unknown> {
    const response = await this.http.fetch(url, {
      headers: { authorization: `Bearer ${this.accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const path = new URL(url).pathname;
    if (response.status === 401)
      throw new AccessTokenRejected('The car-data service rejected the access token');
    if (response.status >= 400 && response.status < 500) {
      throw new CarDataRefusal(`The car-data service refused GET ${path} (HTTP ${response.status})`);
    }
    if (!response.ok)
      throw new Error(`The car-data service answered GET ${path} with HTTP ${response.status}`);
    return response.json();
  }
}
