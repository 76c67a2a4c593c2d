import { RoamingCommandResult } from '../../../commands/roaming-command-result';

/** The asynchronous result of a command, POSTed to the response_url the eMSP gave. */
export const COMMAND_RESULT = 'command.result';

export interface CommandResultPayload {
  responseUrl: string;
  result: RoamingCommandResult;
  message?: string;
}
