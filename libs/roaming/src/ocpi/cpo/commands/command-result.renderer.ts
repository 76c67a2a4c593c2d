import { Injectable, OnModuleInit } from '@nestjs/common';
import { RoamingCommandResult } from '../../../commands/roaming-command-result';
import { OcpiRenderers } from '../../outbox/ocpi-push';
import { isOcpi22 } from '../../protocol/ocpi-version';
import { COMMAND_RESULT, CommandResultPayload } from './command-events';

/** 2.1.1 answers with a CommandResponseType, which has fewer words. */
function result211(result: RoamingCommandResult): string {
  if (result === 'ACCEPTED' || result === 'TIMEOUT' || result === 'NOT_SUPPORTED') return result;
  return 'REJECTED';
}

/**
 * The result goes to the response_url as it is: 2.2.1 a CommandResult (result, message), 2.1.1 a
 * CommandResponse (result).
 */
@Injectable()
export class CommandResultRenderer implements OnModuleInit {
  constructor(private readonly renderers: OcpiRenderers) {}

  onModuleInit(): void {
    this.renderers.register<CommandResultPayload>(COMMAND_RESULT, null, ({ version }, payload) => ({
      method: 'POST',
      module: 'commands',
      interfaceRole: 'SENDER',
      url: payload.responseUrl,
      body: isOcpi22(version)
        ? {
            result: payload.result,
            ...(payload.message
              ? { message: [{ language: 'en', text: payload.message.slice(0, 512) }] }
              : {}),
          }
        : { result: result211(payload.result) },
    }));
  }
}
