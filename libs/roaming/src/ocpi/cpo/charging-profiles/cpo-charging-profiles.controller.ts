import { APP_CONFIG, AppConfig } from '@csms/common';
import { TransactionService } from '@csms/transactions';
import { Body, Controller, Delete, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { RoamingCommandExecutor } from '../../../commands/roaming-command.executor';
import { CommandOutcome } from '../../../commands/roaming-command-result';
import { AsyncResults } from '../async-results';
import { RoamingSessionRepository } from '../../../sessions/roaming-session.repository';
import { Ocpi, OcpiRequestContext } from '../../auth/ocpi-request';
import { OcpiController } from '../../auth/ocpi-route.decorator';
import { OcpiAnswer } from '../../protocol/ocpi-answer';
import { OcpiError } from '../../protocol/ocpi-error';
import { validateOcpi } from '../../schemas/ocpi-validator';
import { OCPI_CALLBACK, OcpiCallbackPayload } from './ocpi-callback';
import {
  OcpiChargingProfile,
  activeProfileOf,
  profileIdOfSession,
  setChargingProfileSchema,
  txProfileOf,
} from './charging-profile.mapper';

type ResponseType = 'ACCEPTED' | 'NOT_SUPPORTED' | 'REJECTED' | 'TOO_OFTEN' | 'UNKNOWN_SESSION';

/**
 * Our ChargingProfiles Receiver (2.2.1, we are the CPO), per session of the partner: PUT sets a
 * profile (the OCPP TxProfile of its transaction), DELETE clears it, GET asks for the active profile
 * (the station's composite schedule). Each answers at once (ChargingProfileResponse) and POSTs its
 * result to the response_url through the outbox.
 */
@Controller('ocpi/:tenant/:version/cpo/chargingprofiles/:sessionId')
@OcpiController({ module: 'chargingprofiles', side: 'cpo' })
export class CpoChargingProfilesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: RoamingSessionRepository,
    private readonly transactions: TransactionService,
    private readonly executor: RoamingCommandExecutor,
    private readonly results: AsyncResults,
  ) {}

  @Put()
  async put(
    @Ocpi() context: OcpiRequestContext,
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
  ) {
    const request = validateOcpi<{ charging_profile: OcpiChargingProfile; response_url: string }>(
      setChargingProfileSchema,
      body,
      'SetChargingProfile',
    );
    const target = await this.target(context, sessionId);
    if (typeof target === 'string') return this.answer(target);
    const profile = txProfileOf(request.charging_profile, sessionId, target.ocppTransactionId);
    return this.accept(context, request.response_url, async () => {
      const outcome = await this.executor.setChargingProfile(context.tenantId, target, profile);
      return { result: this.resultOf(outcome) };
    });
  }

  @Delete()
  async delete(
    @Ocpi() context: OcpiRequestContext,
    @Param('sessionId') sessionId: string,
    @Query('response_url') responseUrl?: string,
  ) {
    if (!responseUrl) throw OcpiError.invalidParameters('response_url is required');
    const target = await this.target(context, sessionId);
    if (typeof target === 'string') return this.answer(target);
    return this.accept(context, responseUrl, async () => {
      const outcome = await this.executor.clearChargingProfile(
        context.tenantId,
        target,
        profileIdOfSession(sessionId),
      );
      return { result: this.resultOf(outcome) };
    });
  }

  @Get()
  async get(
    @Ocpi() context: OcpiRequestContext,
    @Param('sessionId') sessionId: string,
    @Query('duration') duration?: string,
    @Query('response_url') responseUrl?: string,
  ) {
    if (!responseUrl || !duration || !/^\d+$/.test(duration)) {
      throw OcpiError.invalidParameters('duration (seconds) and response_url are required');
    }
    const target = await this.target(context, sessionId);
    if (typeof target === 'string') return this.answer(target);
    return this.accept(context, responseUrl, async () => {
      const outcome = await this.executor.compositeSchedule(context.tenantId, target, Number(duration));
      const profile = outcome.result === 'ACCEPTED' ? activeProfileOf(outcome.data, new Date()) : undefined;
      return {
        result: profile ? 'ACCEPTED' : this.resultOf(outcome, 'UNKNOWN'),
        ...(profile ? { profile } : {}),
      };
    });
  }

  /** The partner's active session and its transaction's station connector, or why there is none. */
  private async target(context: OcpiRequestContext, sessionId: string) {
    const session = await this.sessions.findById(context.tenantId, sessionId);
    if (!session || session.partnerId !== context.partner.id) return 'UNKNOWN_SESSION' as const;
    const transaction = await this.transactions.findById(context.tenantId, sessionId);
    if (!transaction?.active) return 'REJECTED' as const;
    return {
      stationId: transaction.chargingStationId,
      connectorId: transaction.connectorId,
      ocppTransactionId: transaction.ocppTransactionId,
    };
  }

  private resultOf(outcome: CommandOutcome, otherwise: 'REJECTED' | 'UNKNOWN' = 'REJECTED'): string {
    return outcome.result === 'ACCEPTED' ? 'ACCEPTED' : otherwise;
  }

  private answer(result: ResponseType): OcpiAnswer {
    return new OcpiAnswer({
      result,
      timeout: result === 'ACCEPTED' ? this.config.OCPI_COMMAND_TIMEOUT_SECONDS : 0,
    });
  }

  private accept(
    context: OcpiRequestContext,
    responseUrl: string,
    run: () => Promise<Record<string, unknown>>,
  ): OcpiAnswer {
    this.results.deliverLater<OcpiCallbackPayload>(
      context,
      { objectKey: `chargingprofile:${responseUrl}`, kind: OCPI_CALLBACK },
      async () => ({ responseUrl, body: await run() }),
      () => ({ responseUrl, body: { result: 'REJECTED' } }),
    );
    return this.answer('ACCEPTED');
  }
}
