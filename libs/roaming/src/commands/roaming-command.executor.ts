import { TenantId } from '@csms/common';
import { ChargingProfileInput, StationCommandService } from '@csms/stations';
import { Injectable } from '@nestjs/common';
import { CommandOutcome, resultOfAnswer, resultOfError } from './roaming-command-result';

/** A station connector a command goes to. */
export interface CommandTarget {
  stationId: string;
  connectorId: number;
}

/**
 * Roaming commands as OCPP commands on whatever version the station speaks (through the stations
 * domain's command port), each answered with the station's word mapped to a result; a station that
 * does not answer within OCPP_CALL_TIMEOUT_MS is a TIMEOUT.
 */
@Injectable()
export class RoamingCommandExecutor {
  constructor(private readonly commands: StationCommandService) {}

  startSession(tenantId: TenantId, target: CommandTarget, idTag: string): Promise<CommandOutcome> {
    return this.run(tenantId, target.stationId, (port) =>
      port.remoteStart(tenantId, target.stationId, { connectorId: target.connectorId, idTag }),
    );
  }

  stopSession(tenantId: TenantId, stationId: string, ocppTransactionId: string): Promise<CommandOutcome> {
    return this.run(tenantId, stationId, (port) => port.remoteStop(tenantId, stationId, ocppTransactionId));
  }

  reserveNow(
    tenantId: TenantId,
    target: CommandTarget,
    request: { idTag: string; expiryDate: Date; reservationId: number },
  ): Promise<CommandOutcome> {
    return this.run(tenantId, target.stationId, (port) =>
      port.reserveNow(tenantId, target.stationId, { connectorId: target.connectorId, ...request }),
    );
  }

  cancelReservation(tenantId: TenantId, stationId: string, reservationId: number): Promise<CommandOutcome> {
    return this.run(tenantId, stationId, (port) =>
      port.cancelReservation(tenantId, stationId, reservationId),
    );
  }

  unlockConnector(tenantId: TenantId, target: CommandTarget): Promise<CommandOutcome> {
    return this.run(tenantId, target.stationId, (port) =>
      port.unlockConnector(tenantId, target.stationId, target.connectorId),
    );
  }

  setChargingProfile(
    tenantId: TenantId,
    target: CommandTarget,
    profile: ChargingProfileInput,
  ): Promise<CommandOutcome> {
    return this.run(tenantId, target.stationId, (port) =>
      port.setChargingProfile(tenantId, target.stationId, target.connectorId, profile),
    );
  }

  clearChargingProfile(
    tenantId: TenantId,
    target: CommandTarget,
    profileId: number,
  ): Promise<CommandOutcome> {
    return this.run(tenantId, target.stationId, (port) =>
      port.clearChargingProfile(tenantId, target.stationId, { id: profileId }),
    );
  }

  /** The station's composite schedule (its `data`), for an ActiveChargingProfile. */
  async compositeSchedule(
    tenantId: TenantId,
    target: CommandTarget,
    durationSeconds: number,
  ): Promise<CommandOutcome & { data?: Record<string, unknown> }> {
    try {
      const answer = await this.commands.send(tenantId, target.stationId, (port) =>
        port.getCompositeSchedule(tenantId, target.stationId, {
          connectorId: target.connectorId,
          duration: durationSeconds,
          rateUnit: 'W',
        }),
      );
      return { result: resultOfAnswer(answer.status), data: answer.data };
    } catch (error) {
      return {
        result: resultOfError(error),
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private async run(
    tenantId: TenantId,
    stationId: string,
    command: Parameters<StationCommandService['send']>[2],
  ): Promise<CommandOutcome> {
    try {
      const answer = (await this.commands.send(tenantId, stationId, command)) as { status: string };
      return { result: resultOfAnswer(answer.status), message: `The station answered ${answer.status}` };
    } catch (error) {
      return {
        result: resultOfError(error),
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
