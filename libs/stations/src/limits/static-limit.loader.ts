import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { StaticLimit } from './models/static-limit.model';
import { StationLimitService } from './station-limit.service';

/**
 * The limits of a page of stations in one query, per GraphQL request (keyed on the request object).
 * Not caching: a subscription keeps its request for every event, and limits change between events.
 */
@Injectable()
export class StaticLimitLoaderFactory {
  private readonly perRequest = new WeakMap<object, DataLoader<string, StaticLimit[]>>();

  constructor(private readonly limits: StationLimitService) {}

  forRequest(request: object, tenantId: TenantId): DataLoader<string, StaticLimit[]> {
    let loader = this.perRequest.get(request);
    if (!loader) {
      loader = new DataLoader(
        async (stationIds) => {
          const byStation = await this.limits.limitsOf(tenantId, [...new Set(stationIds)]);
          return stationIds.map((id) => byStation.get(id) ?? []);
        },
        { cache: false },
      );
      this.perRequest.set(request, loader);
    }
    return loader;
  }
}
