import { ConcurrencyLimit } from '@csms/common';

/** One station let in: its slot is held until `release`, or for `graceMs` if it sends no CALL. */
export class Admission {
  private isReleased = false;
  private grace: NodeJS.Timeout | undefined;

  constructor(private readonly free: () => void) {}

  /** Frees the slot unless the station's first CALL arrives within `graceMs`. */
  expectCallWithin(graceMs: number): void {
    if (this.isReleased) return;
    this.grace = setTimeout(() => this.release(), graceMs);
    this.grace.unref();
  }

  /** Its first CALL arrived: the slot is now held until that CALL is answered. */
  callArrived(): void {
    clearTimeout(this.grace);
  }

  get released(): boolean {
    return this.isReleased;
  }

  /** Idempotent. */
  release(): void {
    if (this.isReleased) return;
    this.isReleased = true;
    clearTimeout(this.grace);
    this.free();
  }
}

/**
 * Overload control at the WebSocket upgrade: at most `limit` stations at once between their upgrade
 * and the answer to their first CALL. In a reconnect storm the rest wait at the upgrade, in arrival
 * order and before any work is done for them, so that the stations let in are answered well within
 * their call timeout instead of all of them late together; every station then waits some time at the
 * upgrade and some at its BootNotification rather than the whole storm at its BootNotification.
 */
export class StationAdmissions {
  private readonly slots: ConcurrencyLimit;

  constructor(limit: number) {
    this.slots = new ConcurrencyLimit(limit);
  }

  /** Stations let in and not yet answered, and stations waiting at the upgrade. */
  get load(): { running: number; waiting: number } {
    return this.slots.load;
  }

  enter(): Promise<Admission> {
    return new Promise((entered) => {
      void this.slots.run(() => new Promise<void>((free) => entered(new Admission(free))));
    });
  }
}
