import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

/** A dependency (the database, the cluster's Redis) is away: the request may succeed if tried again. */
export class ServiceUnavailableError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

/**
 * What the MongoDB driver and mongoose throw when no server answers (stopped, unreachable, its
 * connections reset), by name: the errors may come from another copy of the driver.
 */
const DATABASE_UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

/**
 * A bulk write the driver gave up on copies the fields of the error that stopped it: a network
 * error's `beforeHandshake`, a server selection error's topology `reason`.
 */
function isBulkWriteCutShort(error: {
  name?: unknown;
  beforeHandshake?: unknown;
  reason?: unknown;
}): boolean {
  return (
    error.name === 'MongoBulkWriteError' &&
    (typeof error.beforeHandshake === 'boolean' ||
      (typeof error.reason === 'object' && error.reason !== null))
  );
}

/** Whether `error` (or what caused it) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const fields = current as { name?: unknown; cause?: unknown };
    if (typeof fields.name === 'string' && DATABASE_UNAVAILABLE.has(fields.name)) return true;
    if (isBulkWriteCutShort(fields)) return true;
    current = fields.cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable; try again shortly';
