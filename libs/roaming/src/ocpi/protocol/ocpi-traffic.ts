import { Response } from 'express';

/** What the response interceptor and the exception filter leave for the traffic log on the response. */
export interface OcpiTrafficLocals {
  ocpiStatus?: number;
  ocpiStatusMessage?: string;
}

export function noteOcpiStatus(response: Response, status: number, message?: string): void {
  const locals = response.locals as OcpiTrafficLocals;
  locals.ocpiStatus = status;
  locals.ocpiStatusMessage = message;
}
