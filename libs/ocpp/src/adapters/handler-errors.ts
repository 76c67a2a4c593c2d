import { DomainError, ErrorCode, isDatabaseUnavailable } from '@csms/common';
import { Logger } from '@nestjs/common';
import { createRPCError } from 'ocpp-rpc';
import { rpcErrorCodeOf } from '../transport/rpc-connection';

/**
 * What a station gets when handling its CALL failed: RPC errors pass as they are, a domain's
 * bad-input refusal becomes a PropertyConstraintViolation, anything else an InternalError whose
 * text reveals nothing of the server (it is logged here instead).
 */
export function toCallError(error: unknown, action: string, stationId: string, logger: Logger): Error {
  if (rpcErrorCodeOf(error)) return error as Error;
  if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
    return createRPCError('PropertyConstraintViolation', error.message) as Error;
  }
  if (isDatabaseUnavailable(error)) {
    // One line per refused call, not a stack each: an outage refuses thousands.
    logger.warn({ action, stationId }, `${action} from ${stationId} refused: the database is unavailable`);
  } else {
    logger.error({ err: error, action, stationId }, `Handling ${action} from ${stationId} failed`);
  }
  return createRPCError('InternalError', `${action} could not be processed`) as Error;
}
