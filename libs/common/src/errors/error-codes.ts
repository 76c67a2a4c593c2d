/** The error codes of the public contract, carried in GraphQL `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  STATION_OFFLINE = 'STATION_OFFLINE',
  STATION_TIMEOUT = 'STATION_TIMEOUT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The database or the cluster's Redis cannot be reached right now; try again shortly. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}
