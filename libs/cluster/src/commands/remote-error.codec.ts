import {
  BadInputError,
  DomainError,
  ErrorCode,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '@csms/common';
import { StationOfflineError, StationTimeoutError } from '@csms/stations/ports/station-errors';

/** An error as it crosses from the instance that raised it to the one that asked. */
export interface WireError {
  name: string;
  message: string;
  /** Present for DomainErrors only. */
  code?: string;
  details?: Record<string, unknown>;
}

type DomainErrorClass = abstract new (...args: never[]) => DomainError;

const KNOWN_CLASSES = new Map<string, DomainErrorClass>(
  [
    StationOfflineError,
    StationTimeoutError,
    BadInputError,
    NotFoundError,
    ForbiddenError,
    UnauthenticatedError,
  ].map((errorClass) => [errorClass.name, errorClass]),
);

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * Lets DomainErrors of a class defined outside the libs this one sees (e.g. the OCPP edge's
 * StationCallError) come back as that class; others come back as DomainError with their code.
 */
export function registerRemoteErrorClass(errorClass: DomainErrorClass): void {
  KNOWN_CLASSES.set(errorClass.name, errorClass);
}

export function errorToWire(error: unknown): WireError {
  if (error instanceof DomainError) {
    return { name: error.name, message: error.message, code: error.code, details: error.details };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * The same class, code, message and details as the error raised on the other instance; built
 * without calling its constructor, whose parameters differ from class to class.
 */
export function errorFromWire(wire: WireError, raisedOn: string): Error {
  if (wire.code === undefined) {
    const error = new Error(wire.message);
    error.name = wire.name;
    return error;
  }
  const errorClass = KNOWN_CLASSES.get(wire.name) ?? DomainError;
  const error = Object.create(errorClass.prototype as object) as DomainError;
  const code = ERROR_CODES.has(wire.code) ? (wire.code as ErrorCode) : ErrorCode.INTERNAL_SERVER_ERROR;
  Object.assign(error, { name: wire.name, message: wire.message, code, details: wire.details });
  error.stack = `${wire.name}: ${wire.message}\n    at instance ${raisedOn}`;
  return error;
}
