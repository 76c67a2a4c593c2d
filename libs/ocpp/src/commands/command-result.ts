import { CommandResultModel } from '@csms/stations';

/** A command's GraphQL outcome: the station's word, and what else it returned as JSON. */
export function commandResult(status: string, data?: Record<string, unknown>): CommandResultModel {
  return { status, ...(data && Object.keys(data).length ? { data: JSON.stringify(data) } : {}) };
}
