import type { OperationResult } from '@urql/core';
import type { CommandOutcome } from './command-button';
import { errorMessage } from './query-state';

const ACCEPTED = new Set(['Accepted', 'Unlocked', 'Scheduled', 'ACCEPTED']);

/** What a command mutation's result means to the operator: the station's word, or the API's error. */
export function commandOutcome<T>(
  result: OperationResult<T>,
  status: (data: T) => string | null | undefined,
): CommandOutcome {
  if (result.error) return { ok: false, text: errorMessage(result.error) ?? 'Error' };
  const word = result.data ? (status(result.data) ?? '') : '';
  return { ok: ACCEPTED.has(word), text: word };
}
