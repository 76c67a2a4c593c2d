import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { SoapEndpoint, SoapEndpointRepository } from './soap-endpoint.repository';

/**
 * Which stations speak SOAP and where they listen: kept in memory from their messages, stored so
 * a restarted server can still reach them before they send again.
 */
@Injectable()
export class SoapEndpointRegistry {
  private readonly endpoints = new Map<string, SoapEndpoint>();

  constructor(private readonly repository: SoapEndpointRepository) {}

  /** Records what the station's latest message said; true when the address or version changed. */
  async update(tenantId: TenantId, endpoint: SoapEndpoint): Promise<boolean> {
    const key = this.key(tenantId, endpoint.stationId);
    const known = this.endpoints.get(key) ?? (await this.load(tenantId, endpoint.stationId));
    if (known && known.endpoint === endpoint.endpoint && known.version === endpoint.version) {
      this.endpoints.set(key, known);
      return false;
    }
    this.endpoints.set(key, endpoint);
    await this.repository.save(tenantId, endpoint);
    return true;
  }

  async find(tenantId: TenantId, stationId: string): Promise<SoapEndpoint | undefined> {
    return this.endpoints.get(this.key(tenantId, stationId)) ?? (await this.load(tenantId, stationId));
  }

  private async load(tenantId: TenantId, stationId: string): Promise<SoapEndpoint | undefined> {
    // Not cached when absent: another instance may meet the station first.
    const stored = await this.repository.findByStation(tenantId, stationId);
    if (!stored) return undefined;
    this.endpoints.set(this.key(tenantId, stationId), stored);
    return stored;
  }

  private key(tenantId: TenantId, stationId: string): string {
    return `${tenantId}\u0000${stationId}`;
  }
}
