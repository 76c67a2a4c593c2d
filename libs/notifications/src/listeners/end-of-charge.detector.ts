/** One point of a live charging curve, as the detector needs it. */
export interface CurvePoint {
  timestamp: Date;
  instantWatts?: number | null;
  stateOfCharge?: number | null;
}

/** Below this the car is only keeping its electronics awake, not charging. */
export const IDLE_WATTS = 100;
const FULL_PERCENT = 100;

/**
 * Decides, point by point, when a session's charge has ended: the battery reports full, or no
 * energy has flowed for `idleMs` after having flowed. Says so once per session.
 */
export class EndOfChargeDetector {
  private readonly sessions = new Map<string, { lastFlowAt?: number; notified: boolean }>();

  constructor(private readonly idleMs: number) {}

  /** True exactly once per session, on the point where its charge is seen to have ended. */
  ended(sessionId: string, point: CurvePoint): boolean {
    const state = this.sessions.get(sessionId) ?? { notified: false };
    this.sessions.set(sessionId, state);
    if (state.notified) return false;
    const at = point.timestamp.getTime();
    const flowing = (point.instantWatts ?? 0) > IDLE_WATTS;
    if (flowing) state.lastFlowAt = at;
    const full = (point.stateOfCharge ?? 0) >= FULL_PERCENT;
    const idleLongEnough = !flowing && state.lastFlowAt !== undefined && at - state.lastFlowAt >= this.idleMs;
    state.notified = full || idleLongEnough;
    return state.notified;
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}
