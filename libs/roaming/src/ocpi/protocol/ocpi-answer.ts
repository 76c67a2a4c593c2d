import { OcpiStatus } from './ocpi-status';

export interface OcpiAnswerOptions {
  status?: number;
  message?: string;
  httpStatus?: number;
  headers?: Record<string, string>;
}

/**
 * What an OCPI handler returns when it needs more than `data` with 1000: another status code, HTTP
 * status or headers (pagination, Location). Handlers may also return plain data.
 */
export class OcpiAnswer<T = unknown> {
  constructor(
    readonly data: T,
    readonly options: OcpiAnswerOptions = {},
  ) {}

  get status(): number {
    return this.options.status ?? OcpiStatus.SUCCESS;
  }
}
