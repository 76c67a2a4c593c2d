import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { ChargingStationService } from '@csms/stations';
import { TransactionService } from '@csms/transactions';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RoamingAuthorizationRepository } from '../../../authorizations/roaming-authorization.repository';
import { CommandTarget, RoamingCommandExecutor } from '../../../commands/roaming-command.executor';
import { CommandOutcome } from '../../../commands/roaming-command-result';
import { RoamingEvse } from '../../../locations/roaming-location';
import { RoamingLocationRepository } from '../../../locations/roaming-location.repository';
import { AsyncResults } from '../async-results';
import { RoamingReservationRepository } from '../../../reservations/roaming-reservation.repository';
import { RoamingSessionRepository } from '../../../sessions/roaming-session.repository';
import { RoamingTokenRef } from '../../../authorizations/roaming-authorization';
import { OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiAnswer } from '../../protocol/ocpi-answer';
import { OcpiStatus } from '../../protocol/ocpi-status';
import { OcpiVersion, isOcpi22 } from '../../protocol/ocpi-version';
import { parseOcpiDateTime } from '../../protocol/ocpi-datetime';
import { CommandJson, COMMANDS_211, COMMANDS_221, commandSchema } from '../../schemas/command.schema';
import { validateOcpi } from '../../schemas/ocpi-validator';
import { AUTHORIZATION_VALIDITY_MS } from '../../tokens/roaming-token-authorizer';
import { COMMAND_RESULT, CommandResultPayload } from './command-events';

type CommandResponseType = 'ACCEPTED' | 'NOT_SUPPORTED' | 'REJECTED' | 'UNKNOWN_SESSION';

/** The synchronous answer (CommandResponse) and the work whose outcome is POSTed later. */
interface Accepted {
  response: OcpiAnswer;
  run?: () => Promise<CommandOutcome>;
}

/**
 * Our Commands Receiver (we are the CPO). Each command is checked and answered at once (CommandResponse:
 * ACCEPTED with our timeout, or REJECTED / UNKNOWN_SESSION / 2003 for an unknown location); an accepted
 * one becomes the OCPP command on whatever version the station speaks, and its result (the station's
 * answer, TIMEOUT when it gives none) is POSTed to the response_url through the outbox.
 */
@Injectable()
export class CpoCommandService {
  private readonly logger = new Logger(CpoCommandService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly executor: RoamingCommandExecutor,
    private readonly locations: RoamingLocationRepository,
    private readonly stations: ChargingStationService,
    private readonly sessions: RoamingSessionRepository,
    private readonly transactions: TransactionService,
    private readonly reservations: RoamingReservationRepository,
    private readonly authorizations: RoamingAuthorizationRepository,
    private readonly results: AsyncResults,
  ) {}

  async receive(context: OcpiRequestContext, command: string, body: unknown): Promise<OcpiAnswer> {
    const version = context.version as OcpiVersion;
    if (!(isOcpi22(version) ? COMMANDS_221 : COMMANDS_211).includes(command)) {
      return this.answer('NOT_SUPPORTED', `Unknown command ${command}`);
    }
    const json = validateOcpi<CommandJson>(commandSchema(command, version), body, command);
    const accepted = await this.prepare(context, command, json);
    if (accepted.run) this.follow(context, command, json.response_url, accepted.run);
    return accepted.response;
  }

  private async prepare(context: OcpiRequestContext, command: string, json: CommandJson): Promise<Accepted> {
    const { tenantId, partner } = context;
    switch (command) {
      case 'START_SESSION': {
        const target = await this.target(tenantId, json.location_id!, json.evse_uid);
        if ('rejected' in target) return target.rejected;
        const token = this.tokenOf(context, json);
        await this.authorizations.record(tenantId, {
          stationId: target.stationId,
          partnerId: partner.id,
          token,
          authMethod: 'COMMAND',
          ...(json.authorization_reference ? { authorizationReference: json.authorization_reference } : {}),
          expiresAt: new Date(Date.now() + AUTHORIZATION_VALIDITY_MS),
        });
        return this.accepted(() => this.executor.startSession(tenantId, target, token.uid));
      }
      case 'STOP_SESSION': {
        const session = await this.sessions.findById(tenantId, json.session_id!);
        if (!session)
          return { response: this.answer('UNKNOWN_SESSION', `Unknown session ${json.session_id}`) };
        if (session.partnerId !== partner.id)
          return { response: this.answer('REJECTED', 'Not a session of yours') };
        const transaction = await this.transactions.findById(tenantId, session.id);
        if (!transaction?.active) return { response: this.answer('REJECTED', 'The session has ended') };
        return this.accepted(() =>
          this.executor.stopSession(tenantId, transaction.chargingStationId, transaction.ocppTransactionId),
        );
      }
      case 'RESERVE_NOW': {
        const target = await this.target(tenantId, json.location_id!, json.evse_uid);
        if ('rejected' in target) return target.rejected;
        const token = this.tokenOf(context, json);
        const expiryDate = parseOcpiDateTime(json.expiry_date)!;
        const reservation = await this.reservations.reserve(tenantId, {
          partnerId: partner.id,
          partnerReservationId: String(json.reservation_id),
          stationId: target.stationId,
          connectorId: target.connectorId,
          expiresAt: expiryDate,
        });
        await this.authorizations.record(tenantId, {
          stationId: target.stationId,
          partnerId: partner.id,
          token,
          authMethod: 'COMMAND',
          ...(json.authorization_reference ? { authorizationReference: json.authorization_reference } : {}),
          expiresAt: new Date(Math.max(expiryDate.getTime(), Date.now() + AUTHORIZATION_VALIDITY_MS)),
        });
        return this.accepted(() =>
          this.executor.reserveNow(tenantId, target, {
            idTag: token.uid,
            expiryDate,
            reservationId: reservation.ocppReservationId,
          }),
        );
      }
      case 'CANCEL_RESERVATION': {
        const reservation = await this.reservations.find(tenantId, partner.id, String(json.reservation_id));
        if (!reservation)
          return { response: this.answer('REJECTED', `Unknown reservation ${json.reservation_id}`) };
        return this.accepted(() =>
          this.executor.cancelReservation(tenantId, reservation.stationId, reservation.ocppReservationId),
        );
      }
      default: {
        const target = await this.target(tenantId, json.location_id!, json.evse_uid, json.connector_id);
        if ('rejected' in target) return target.rejected;
        return this.accepted(() => this.executor.unlockConnector(tenantId, target));
      }
    }
  }

  /** The station connector of a location's EVSE (any available one when none is named); online or rejected. */
  private async target(
    tenantId: TenantId,
    locationId: string,
    evseUid?: string,
    connectorId?: string,
  ): Promise<CommandTarget | { rejected: Accepted }> {
    const location = await this.locations.findPublished(tenantId, locationId);
    if (!location) {
      return {
        rejected: {
          response: this.answer('REJECTED', `Unknown location ${locationId}`, OcpiStatus.UNKNOWN_LOCATION),
        },
      };
    }
    const evse: RoamingEvse | undefined = evseUid
      ? location.evses.find((candidate) => candidate.uid.toUpperCase() === evseUid.toUpperCase())
      : (location.evses.find((candidate) => candidate.status === 'AVAILABLE') ?? undefined);
    if (
      !evse ||
      evse.status === 'REMOVED' ||
      (connectorId && !evse.connectors.some((c) => c.id === connectorId))
    ) {
      return {
        rejected: {
          response: this.answer(
            'REJECTED',
            `Unknown EVSE ${evseUid ?? '(none available)'}`,
            OcpiStatus.UNKNOWN_LOCATION,
          ),
        },
      };
    }
    const station = await this.stations.find(tenantId, evse.stationId);
    if (!station?.online)
      return { rejected: { response: this.answer('REJECTED', 'The charge point is offline') } };
    return { stationId: evse.stationId, connectorId: evse.connectorId };
  }

  /** The command's token as sessions carry it (2.1.1 tokens have no party: the partner's is theirs). */
  private tokenOf(context: OcpiRequestContext, json: CommandJson): RoamingTokenRef {
    const token = json.token!;
    const party = context.partner.roles.find((role) => role.role === 'EMSP') ?? context.partner.roles[0];
    const text = (field: string) => (typeof token[field] === 'string' ? token[field] : undefined);
    return {
      countryCode: (text('country_code') ?? party?.countryCode ?? '').toUpperCase(),
      partyId: (text('party_id') ?? party?.partyId ?? '').toUpperCase(),
      uid: token.uid,
      type: token.type as RoamingTokenRef['type'],
      contractId: text('contract_id') ?? text('auth_id') ?? token.uid,
    };
  }

  private accepted(run: () => Promise<CommandOutcome>): Accepted {
    return { response: this.answer('ACCEPTED'), run };
  }

  private answer(
    result: CommandResponseType,
    message?: string,
    status: number = OcpiStatus.SUCCESS,
  ): OcpiAnswer {
    return new OcpiAnswer(
      {
        result,
        timeout: result === 'ACCEPTED' ? this.config.OCPI_COMMAND_TIMEOUT_SECONDS : 0,
        ...(message ? { message: [{ language: 'en', text: message }] } : {}),
      },
      { status },
    );
  }

  /** Runs the accepted command, then queues its result for the eMSP. */
  private follow(
    context: OcpiRequestContext,
    command: string,
    responseUrl: string,
    run: () => Promise<CommandOutcome>,
  ) {
    this.results.deliverLater<CommandResultPayload>(
      context,
      { objectKey: `command:${responseUrl}`, kind: COMMAND_RESULT },
      async () => {
        const outcome = await run();
        this.logger.log(
          { partnerId: context.partner.id, command, result: outcome.result },
          `OCPI ${command}: ${outcome.result}`,
        );
        return {
          responseUrl,
          result: outcome.result,
          ...(outcome.message ? { message: outcome.message } : {}),
        };
      },
      (error) => ({ responseUrl, result: 'FAILED', message: String(error) }),
    );
  }
}
