import { OcpiStatus } from './ocpi-status';

/** The response format of every OCPI answer (transport_and_format: Response format). */
export interface OcpiResponse<T = unknown> {
  data?: T;
  status_code: number;
  status_message?: string;
  timestamp: string;
}

/** OCPI DateTime: RFC 3339 in UTC with a `Z`, at most millisecond precision. */
export function ocpiDateTime(date: Date): string {
  return date.toISOString();
}

export function ocpiResponse<T>(
  data: T,
  status: number = OcpiStatus.SUCCESS,
  message?: string,
): OcpiResponse<T> {
  return {
    ...(data === undefined ? {} : { data }),
    status_code: status,
    ...(message ? { status_message: message } : {}),
    timestamp: ocpiDateTime(new Date()),
  };
}

/**
 * Whether `body` looks like an OCPI response: partners' answers are checked before they are read.
 * `data` may be absent (2.2.1 advises leaving it unset where the spec says nothing).
 */
export function isOcpiResponse(body: unknown): body is OcpiResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { status_code?: unknown }).status_code === 'number'
  );
}
