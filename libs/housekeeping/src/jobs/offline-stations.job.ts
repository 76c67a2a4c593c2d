import { StationOwnershipRegistry } from '@csms/cluster';
import { APP_CONFIG, AppConfig, TenantId, asTenantId } from '@csms/common';
import { StationPresenceService } from '@csms/stations';
import { TenantService } from '@csms/users';
import { Inject, Injectable } from '@nestjs/common';
import { HousekeepingJob, JobCounts } from '../housekeeping-job';
import { Lease } from '../lock/job-lock';
import { quietThresholdMs } from './quiet-threshold';

const PAGE_SIZE = 200;

/**
 * Stations recorded online that went quiet: no message for HOUSEKEEPING_OFFLINE_AFTER_MISSED_HEARTBEATS
 * heartbeat intervals. A SOAP station has no connection that could close, so silence is the only
 * sign it is gone. A JSON station's connection is the truth: one held by any live instance (the
 * ownership registry; lastSeen is not refreshed by MeterValues, so silence alone proves nothing)
 * stays online; one held by nobody was left behind by a dead instance and goes offline.
 */
@Injectable()
export class OfflineStationsJob extends HousekeepingJob {
  readonly name = 'offline-stations';
  readonly intervalMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantService,
    private readonly presence: StationPresenceService,
    private readonly ownership: StationOwnershipRegistry,
  ) {
    super();
    this.intervalMs = config.HOUSEKEEPING_OFFLINE_CHECK_SECONDS * 1000;
  }

  async run(lease: Lease, now: number): Promise<JobCounts> {
    const counts = { offline: 0, keptOnline: 0 };
    for (const tenant of await this.tenants.list()) {
      if (!lease.held) break;
      await this.checkTenant(asTenantId(tenant.id), lease, now, counts);
    }
    return counts;
  }

  private async checkTenant(
    tenantId: TenantId,
    lease: Lease,
    now: number,
    counts: { offline: number; keptOnline: number },
  ): Promise<void> {
    // Stations with a longer interval of their own are filtered below.
    const seenBefore = new Date(now - this.thresholdMs(this.config.HEARTBEAT_INTERVAL_SECONDS));
    let after: string | undefined;
    do {
      const page = await this.presence.findQuiet(tenantId, seenBefore, PAGE_SIZE, after);
      for (const station of page) {
        if (!lease.held) return;
        const ownSeenBefore = new Date(
          now - this.thresholdMs(station.heartbeatIntervalSeconds ?? this.config.HEARTBEAT_INTERVAL_SECONDS),
        );
        if (station.lastSeen && station.lastSeen >= ownSeenBefore) continue;
        if (station.ocppProtocol !== 'soap' && (await this.ownership.ownerOf(tenantId, station.stationId))) {
          counts.keptOnline += 1;
          continue;
        }
        if (await this.presence.markOffline(tenantId, station.stationId, ownSeenBefore)) counts.offline += 1;
      }
      after = page.length === PAGE_SIZE ? page[page.length - 1].stationId : undefined;
    } while (after !== undefined && lease.held);
  }

  private thresholdMs(heartbeatIntervalSeconds: number): number {
    return quietThresholdMs(
      heartbeatIntervalSeconds,
      this.config.HOUSEKEEPING_OFFLINE_AFTER_MISSED_HEARTBEATS,
      this.config.HOUSEKEEPING_OFFLINE_MIN_SECONDS,
    );
  }
}
