import { loadConfig } from '@csms/common';
import { resolveClusterOptions } from './cluster-options';

describe('resolveClusterOptions', () => {
  it('expires ownership after 15 s by default, CLUSTER_OWNERSHIP_TTL_MS otherwise', () => {
    expect(resolveClusterOptions(loadConfig({})).ownershipTtlMs).toBe(15_000);
    expect(resolveClusterOptions(loadConfig({ CLUSTER_OWNERSHIP_TTL_MS: '3000' })).ownershipTtlMs).toBe(3000);
  });

  it('refuses an expiry under one second', () => {
    expect(() => loadConfig({ CLUSTER_OWNERSHIP_TTL_MS: '500' })).toThrow(/CLUSTER_OWNERSHIP_TTL_MS/);
  });
});
