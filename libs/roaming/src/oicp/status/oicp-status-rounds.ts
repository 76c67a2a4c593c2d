import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig, asTenantId } from '@csms/common';
import { JobLock } from '@csms/housekeeping';
import { TenantService } from '@csms/users';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Outbox } from '../../outbox/outbox';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { PartnerRegistry } from '../../partners/partner-registry';
import { OicpSettingsService } from '../settings/oicp-settings.service';

/** Outbox kind of the periodic full load of every EVSE's status (rendered when it is delivered). */
export const OICP_STATUS_FULL_LOAD = 'oicp.status-full-load';
const STATUS_OBJECT_KEY = 'oicp:status-full-load';
const LOCK_JOB = 'oicp-status-round';

/**
 * Besides the real-time status pushes, Hubject gets the status of every EVSE of every tenant that
 * roams with it each OICP_STATUS_PUSH_SECONDS, as a full load through the outbox, so that a status
 * lost on the way is mended within one round. Worker instances all tick; the first to take the round's
 * lease does it, and the lease is left to expire (not released), so the others' ticks in the same round
 * find it held: one round per period across the cluster. A round still waiting in the outbox (Hubject
 * unreachable) is not queued again.
 */
@Injectable()
export class OicpStatusRounds implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OicpStatusRounds.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantService,
    private readonly settings: OicpSettingsService,
    private readonly partners: PartnerRegistry,
    private readonly outbox: Outbox,
    private readonly messages: OutboxRepository,
    private readonly lock: JobLock,
  ) {}

  onApplicationBootstrap(): void {
    const periodMs = this.config.OICP_STATUS_PUSH_SECONDS * 1000;
    if (!periodMs || !hasRole(this.config, 'worker')) return;
    this.timer = setInterval(() => {
      this.running = this.round(periodMs).catch((error: unknown) =>
        this.logger.error({ err: error }, 'The OICP status round failed'),
      );
    }, periodMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Queues this period's full status load for every tenant, unless another instance did; how many. */
  async round(periodMs: number): Promise<number> {
    // Shorter than the period, so the next round's tick finds it expired even with some clock drift.
    const lease = await this.lock.acquire(LOCK_JOB, Math.max(1, Math.floor(periodMs * 0.8)));
    if (!lease) return 0;
    let queued = 0;
    for (const tenant of await this.tenants.list()) {
      if (!tenant.active) continue;
      const tenantId = asTenantId(tenant.id);
      const connection = await this.settings.connection(tenantId);
      const hubject = connection && (await this.partners.get(tenantId, connection.partnerId));
      if (!hubject || (await this.messages.hasPending(tenantId, hubject.id, STATUS_OBJECT_KEY))) continue;
      await this.outbox.enqueue(tenantId, [hubject], {
        objectKey: STATUS_OBJECT_KEY,
        kind: OICP_STATUS_FULL_LOAD,
        payload: {},
      });
      queued++;
    }
    return queued;
  }
}
