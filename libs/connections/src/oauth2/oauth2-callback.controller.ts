import { Public } from '@csms/auth';
import { Controller, Get, HttpStatus, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotConnectedError } from '../user-connection';
import {
  AuthorizationExpiredError,
  OAuth2Connections,
  OAUTH2_CALLBACK_PATH,
} from '../oauth2-connections.service';
import { OAuth2GrantRefused } from './oauth2-provider';

/**
 * `GET /connections/oauth2/callback`: where the service sends the user's browser back with a code
 * (or an error) and the state handed out by OAuth2Connections.start. Public: the single-use state
 * is what ties the answer to the user who asked. Answers in plain text, for the browser window.
 */
@Public()
@Controller(OAUTH2_CALLBACK_PATH.slice(1))
export class OAuth2CallbackController {
  private readonly logger = new Logger(OAuth2CallbackController.name);

  constructor(private readonly connections: OAuth2Connections) {}

  @Get()
  async callback(
    @Res() response: Response,
    @Query('state') state?: unknown,
    @Query('code') code?: unknown,
    @Query('error') error?: unknown,
  ): Promise<void> {
    const [status, text] = await this.outcome(state, code, error);
    response.status(status).type('text/plain; charset=utf-8').set('cache-control', 'no-store').send(text);
  }

  private async outcome(state: unknown, code: unknown, error: unknown): Promise<[number, string]> {
    if (typeof state !== 'string' || !state || state.length > 200) {
      return [HttpStatus.BAD_REQUEST, 'The state parameter is missing'];
    }
    if (error !== undefined || typeof code !== 'string' || !code || code.length > 2000) {
      await this.connections.abandon(state);
      const why = typeof error === 'string' ? error.slice(0, 100) : 'no code was given';
      return [HttpStatus.BAD_REQUEST, `The account was not connected: ${why}`];
    }
    try {
      const connection = await this.connections.complete(state, code);
      return [HttpStatus.OK, `Your ${connection.kind} account is connected. You can close this window.`];
    } catch (failure) {
      if (
        failure instanceof AuthorizationExpiredError ||
        failure instanceof OAuth2GrantRefused ||
        failure instanceof NotConnectedError
      ) {
        return [HttpStatus.BAD_REQUEST, `The account was not connected: ${failure.message}`];
      }
      this.logger.warn({ err: failure }, 'OAuth2 code exchange failed');
      return [HttpStatus.BAD_GATEWAY, 'The service could not be reached; try connecting again later'];
    }
  }
}
