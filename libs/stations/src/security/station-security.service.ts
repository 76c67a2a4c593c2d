import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { ChargingStationRepository } from '../charging-station.repository';
import { ChargingStationService } from '../charging-station.service';
import { StationCommandService } from '../commands/station-command.service';
import { ChargingStation, RegistrationStatus } from '../models/charging-station.model';
import { CommandResult } from '../ports/station-commands.port';

/** The 1.6 key (2.0.1: SecurityCtrlr.BasicAuthPassword, mapped by the edge) holding the password. */
const PASSWORD_KEY = 'AuthorizationKey';

/** A station's answer that means it took a configuration change. */
const TAKEN = new Set(['Accepted', 'RebootRequired']);

/**
 * A station's credentials and standing, changed with the station's agreement: its HTTP Basic
 * password (A01 / 1.6 security "update password"), its security profile (A05, moving to TLS and
 * client certificates) and what its BootNotification is answered (Pending, Rejected).
 */
@Injectable()
export class StationSecurityService {
  private readonly logger = new Logger(StationSecurityService.name);

  constructor(
    private readonly stations: ChargingStationService,
    private readonly repository: ChargingStationRepository,
    private readonly commands: StationCommandService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sends the station a new password. Until it answers, the old and the new one both let it in (it may
   * reconnect with the new one before its answer is read); Accepted makes the new one its password,
   * a refusal drops it. Without an answer both stay valid until it next connects with either.
   */
  async changePassword(tenantId: TenantId, stationId: string, password?: string): Promise<CommandResult> {
    await this.stations.get(tenantId, stationId);
    const newPassword = password ?? randomBytes(20).toString('hex');
    const pendingPasswordHash = await argon2.hash(newPassword, { type: argon2.argon2id });
    await this.repository.setPasswordHashes(tenantId, stationId, { pendingPasswordHash });
    const result = await this.commands.send(tenantId, stationId, (port) =>
      port.changeConfiguration(tenantId, stationId, PASSWORD_KEY, newPassword),
    );
    await this.repository.setPasswordHashes(
      tenantId,
      stationId,
      TAKEN.has(result.status)
        ? { passwordHash: pendingPasswordHash, pendingPasswordHash: null }
        : { pendingPasswordHash: null },
    );
    this.logger.log({ tenantId, stationId, status: result.status }, 'Station password change answered');
    return { status: result.status, ...(password ? {} : { data: { password: newPassword } }) };
  }

  /**
   * Moves the station to a security profile: once it takes it, connections below it are refused
   * (profile 3: without a client certificate). The station moves when it reconnects, so it is reset.
   */
  async setSecurityProfile(
    tenantId: TenantId,
    stationId: string,
    request: { securityProfile: number; csmsUrl?: string; configurationSlot?: number },
  ): Promise<CommandResult> {
    await this.stations.get(tenantId, stationId);
    const csmsUrl = request.csmsUrl ?? this.ocppUrl(tenantId, request.securityProfile);
    const result = await this.commands.send(tenantId, stationId, (port) =>
      port.setSecurityProfile(tenantId, stationId, { ...request, csmsUrl }),
    );
    if (!TAKEN.has(result.status)) return result;
    await this.stations.updateConfiguration(tenantId, stationId, {
      securityProfile: request.securityProfile,
    });
    const reset = await this.commands.send(tenantId, stationId, (port) =>
      port.reset(tenantId, stationId, 'Soft'),
    );
    return { status: result.status, data: { ...result.data, reset: reset.status } };
  }

  /**
   * What the station's BootNotification is answered from now on. A connected station that is let in
   * is asked to boot again (TriggerMessage BootNotification), so it leaves Pending at once.
   */
  async setRegistrationStatus(
    tenantId: TenantId,
    stationId: string,
    status: RegistrationStatus,
  ): Promise<ChargingStation> {
    const before = await this.stations.get(tenantId, stationId);
    const station = await this.stations.updateConfiguration(tenantId, stationId, {
      registrationStatus: status,
    });
    const wasHeldBack =
      (before.registrationStatus ?? RegistrationStatus.ACCEPTED) !== RegistrationStatus.ACCEPTED;
    if (status === RegistrationStatus.ACCEPTED && wasHeldBack && before.online) {
      await this.commands
        .send(tenantId, stationId, (port) =>
          port.triggerMessage(tenantId, stationId, { message: 'BootNotification' }),
        )
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, tenantId, stationId },
            'Could not ask the accepted station to boot again',
          ),
        );
    }
    return station;
  }

  /** This server's OCPP-J endpoint for the tenant's stations: wss from profile 2 on. */
  private ocppUrl(tenantId: TenantId, securityProfile: number): string {
    const base = (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/+$/, '');
    const scheme = securityProfile >= 2 ? 'wss' : 'ws';
    return `${base.replace(/^https?/, scheme)}/ocpp/${encodeURIComponent(tenantId)}/`;
  }
}
