/**
 * Decides, point by point, when a session's battery rises to the target state of charge. Says so
 * once per session, and only for a rise: a car plugged in already above the target is not told.
 */
export class OptimalChargeDetector {
  private readonly sessions = new Map<string, { sawBelow: boolean; decided: boolean }>();

  constructor(private readonly targetPercent: number) {}

  /** True exactly once per session, on the point where the target is reached from below. */
  reached(sessionId: string, stateOfCharge: number | null | undefined): boolean {
    if (typeof stateOfCharge !== 'number' || !Number.isFinite(stateOfCharge)) return false;
    const state = this.sessions.get(sessionId) ?? { sawBelow: false, decided: false };
    this.sessions.set(sessionId, state);
    if (state.decided) return false;
    if (stateOfCharge < this.targetPercent) {
      state.sawBelow = true;
      return false;
    }
    state.decided = true;
    return state.sawBelow;
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}
