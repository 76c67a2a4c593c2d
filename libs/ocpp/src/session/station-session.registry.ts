import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { StationSession } from './station-session';

/** The stations connected to this instance, by tenant and identity. In memory: sessions die with the process. */
@Injectable()
export class StationSessionRegistry {
  private readonly sessions = new Map<string, StationSession>();

  private static key(tenantId: string, stationId: string): string {
    return `${tenantId}\u0000${stationId}`;
  }

  get(tenantId: TenantId, stationId: string): StationSession | undefined {
    return this.sessions.get(StationSessionRegistry.key(tenantId, stationId));
  }

  /** Registers `session`; returns the one it replaces (same station connecting again), if any. */
  add(session: StationSession): StationSession | undefined {
    const key = StationSessionRegistry.key(session.tenantId, session.stationId);
    const previous = this.sessions.get(key);
    this.sessions.set(key, session);
    return previous;
  }

  /** Removes `session` only if it is still the current one; false when a newer one replaced it. */
  remove(session: StationSession): boolean {
    const key = StationSessionRegistry.key(session.tenantId, session.stationId);
    if (this.sessions.get(key) !== session) return false;
    this.sessions.delete(key);
    return true;
  }

  get size(): number {
    return this.sessions.size;
  }

  all(): StationSession[] {
    return [...this.sessions.values()];
  }
}
