import { loadConfig } from '@csms/common';
import { hasRole } from './server-roles';

describe('hasRole', () => {
  it('serves every role with all, the default', () => {
    const config = loadConfig({});
    expect(['ocpp', 'api', 'worker'].map((role) => hasRole(config, role as 'ocpp'))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('serves only the listed roles', () => {
    const config = loadConfig({ SERVER_ROLES: 'ocpp, worker' });
    expect(hasRole(config, 'ocpp')).toBe(true);
    expect(hasRole(config, 'worker')).toBe(true);
    expect(hasRole(config, 'api')).toBe(false);
  });
});
