import { AppConfig } from '@csms/common';

export interface ClusterOptions {
  /** Prefix of every Redis key and channel the cluster uses. */
  keyPrefix: string;
  /**
   * How long an instance counts as alive after its last heartbeat; it heartbeats every third of it.
   * A crashed instance's stations are seen offline after at most this long (plus one sweep).
   */
  ownershipTtlMs: number;
  /** How long a command routed to another instance may take before StationTimeoutError. */
  remoteCommandTimeoutMs: number;
}

export const CLUSTER_OPTIONS = Symbol('CLUSTER_OPTIONS');

/** The owner's own OCPP call timeout decides first; the margin covers the two hops through Redis. */
const REMOTE_MARGIN_MS = 5_000;

export function resolveClusterOptions(
  config: Pick<AppConfig, 'OCPP_CALL_TIMEOUT_MS' | 'CLUSTER_OWNERSHIP_TTL_MS'>,
  overrides: Partial<ClusterOptions> = {},
): ClusterOptions {
  return {
    keyPrefix: 'csms',
    ownershipTtlMs: config.CLUSTER_OWNERSHIP_TTL_MS,
    remoteCommandTimeoutMs: config.OCPP_CALL_TIMEOUT_MS + REMOTE_MARGIN_MS,
    ...overrides,
  };
}
