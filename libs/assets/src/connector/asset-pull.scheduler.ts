import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { TenantService } from '@csms/users';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AssetReadingService } from '../asset-reading.service';
import { AssetRecord, AssetRepository } from '../asset.repository';
import { AssetReading } from '../models/asset-reading.model';
import { HttpJsonMeterClient } from './http-json-meter.client';
import { readingFromMeter } from './meter-reading-mapper';

/** How often due connectors are looked for; a connector's own interval is at least this. */
const TICK_MS = 5_000;
/** Connectors pulled per tenant and tick, at most. */
const PULLS_PER_TICK = 50;

/**
 * Pulls the readings of assets with an HTTP/JSON connector when they are due, on instances with the
 * `worker` role. Each due asset is claimed by moving its next pull on before the request, so
 * instances share the work; a failed pull is recorded on the connector (lastPullError) and tried
 * again at the next interval.
 */
@Injectable()
export class AssetPullScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AssetPullScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantService,
    private readonly assets: AssetRepository,
    private readonly readings: AssetReadingService,
    private readonly meters: HttpJsonMeterClient,
  ) {}

  onApplicationBootstrap(): void {
    if (!hasRole(this.config, 'worker')) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Pulls one asset now (GraphQL `pullAssetReading`); the scheduler's next pull stays as it was. */
  async pull(tenantId: TenantId, asset: AssetRecord): Promise<AssetReading> {
    const connector = asset.storedConnector;
    if (!connector) throw new Error(`Asset ${asset.id} has no connector`);
    const at = new Date();
    try {
      const reading = readingFromMeter(await this.meters.fetchJson(connector), connector);
      const recorded = await this.readings.record(tenantId, asset, reading);
      await this.assets.recordPull(tenantId, asset.id, at);
      return recorded;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.assets.recordPull(tenantId, asset.id, at, message.slice(0, 500));
      throw error;
    }
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.running = this.pullDue()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Asset pulls failed'))
      .finally(() => (this.running = undefined));
  }

  private async pullDue(): Promise<void> {
    const now = new Date();
    for (const tenant of await this.tenants.list()) {
      const tenantId = tenant.id as TenantId;
      const due = await this.assets.dueForPull(tenantId, now, PULLS_PER_TICK);
      await Promise.all(due.map((asset) => this.pullIfClaimed(tenantId, asset, now)));
    }
  }

  private async pullIfClaimed(tenantId: TenantId, asset: AssetRecord, now: Date): Promise<void> {
    const connector = asset.storedConnector;
    const due = asset.nextPullAt;
    if (!connector || !due) return;
    const next = new Date(now.getTime() + connector.refreshIntervalSeconds * 1000);
    if (!(await this.assets.claimPull(tenantId, asset.id, due, next))) return;
    await this.pull(tenantId, asset).catch((error: unknown) =>
      this.logger.warn({ err: error, tenantId, assetId: asset.id }, 'Could not pull an asset reading'),
    );
  }
}
