import { AppConfig } from '@csms/common';

export type ServerRole = Exclude<AppConfig['SERVER_ROLES'][number], 'all'>;

/** Whether this instance serves `role` (SERVER_ROLES is a comma-separated list; `all` serves every role). */
export function hasRole(config: Pick<AppConfig, 'SERVER_ROLES'>, role: ServerRole): boolean {
  return config.SERVER_ROLES.includes('all') || config.SERVER_ROLES.includes(role);
}
