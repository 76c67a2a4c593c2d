import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import {
  CHARGING_PROFILE_SET,
  ChargingProfileInput,
  StationCommandService,
  StationOfflineError,
} from '@csms/stations';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

/** Tries of one profile before the station is given up on. */
export const PROFILE_ATTEMPTS = 3;

export interface Delivery {
  accepted: boolean;
  detail: string;
  /** The station is not connected: nothing it refused, and the next plan counts it offline. */
  offline?: boolean;
}

/**
 * Sends profiles through the station command port (routed to the instance holding the station),
 * trying again after SMART_CHARGING_RETRY_DELAY_MS, doubling, up to PROFILE_ATTEMPTS times. An
 * accepted profile is announced (ChargingProfileSet), so the session's curve shows the limit.
 */
@Injectable()
export class ProfileSender {
  private readonly logger = new Logger(ProfileSender.name);
  private readonly retryDelayMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly commands: StationCommandService,
    private readonly events: EventBus,
  ) {
    this.retryDelayMs = config.SMART_CHARGING_RETRY_DELAY_MS;
  }

  async send(
    tenantId: TenantId,
    stationId: string,
    connectorId: number,
    profile: ChargingProfileInput,
  ): Promise<Delivery> {
    let detail = '';
    for (let attempt = 1; attempt <= PROFILE_ATTEMPTS; attempt++) {
      try {
        const result = await this.commands.send(tenantId, stationId, (port) =>
          port.setChargingProfile(tenantId, stationId, connectorId, profile),
        );
        if (result.status === 'Accepted') {
          await this.events.publish(
            domainEvent(CHARGING_PROFILE_SET, tenantId, {
              chargingStationId: stationId,
              connectorId,
              profile,
            }),
          );
          return { accepted: true, detail: 'Accepted' };
        }
        detail = `the station answered ${result.status}`;
      } catch (error) {
        if (error instanceof StationOfflineError)
          return { accepted: false, detail: error.message, offline: true };
        detail = error instanceof Error ? error.message : String(error);
      }
      this.logger.warn(
        { tenantId, stationId, connectorId, attempt, detail },
        'Charging profile not accepted',
      );
      if (attempt < PROFILE_ATTEMPTS) await sleep(this.retryDelayMs * 2 ** (attempt - 1));
    }
    return { accepted: false, detail: `${detail} (after ${PROFILE_ATTEMPTS} tries)` };
  }

  /** Removes a profile of ours (best effort: a station that cannot is excluded or gone anyway). */
  async clear(tenantId: TenantId, stationId: string, profileId: number): Promise<void> {
    await this.commands
      .send(tenantId, stationId, (port) => port.clearChargingProfile(tenantId, stationId, { id: profileId }))
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, tenantId, stationId, profileId },
          'Could not clear a charging profile',
        ),
      );
  }
}
