import * as argon2 from 'argon2';
import { createHash } from 'node:crypto';

export interface PasswordCheckOptions {
  /** Password verifications that failed for one station within `windowMs` before it is throttled. */
  failuresBeforeThrottle: number;
  windowMs: number;
  /** Digests of passwords known right or wrong kept at most (oldest forgotten first). */
  remembered: number;
  /** The slow check itself (argon2 in production). */
  verify?: (hash: string, password: string) => Promise<boolean>;
}

export const DEFAULT_PASSWORD_CHECK_OPTIONS: PasswordCheckOptions = {
  failuresBeforeThrottle: 10,
  windowMs: 60_000,
  remembered: 10_000,
};

export type PasswordVerdict = 'right' | 'wrong' | 'throttled';

/** Insertion-ordered map bounded to `limit` entries: the oldest goes first. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > this.limit) this.delete(this.keys().next().value!);
    return this;
  }
}

/**
 * Station passwords (HTTP Basic at the OCPP upgrade, SOAP), checked without spending argon2's
 * deliberate cost again and again: a password verified right for the stored hash is recognised
 * from a digest of both (a reconnect storm verifies each station once), a wrong one likewise (a
 * misconfigured station retrying every few seconds costs nothing), and a station whose
 * verifications keep failing (someone guessing) is refused unverified for the rest of a minute;
 * its real password, known right before, still gets in.
 */
export class StationPasswordChecker {
  private readonly right: BoundedMap<string>;
  private readonly wrong: BoundedMap<true>;
  private readonly failures: BoundedMap<{ count: number; since: number }>;
  private readonly pending = new Map<string, Promise<PasswordVerdict>>();
  private readonly verifying = new Map<string, number>();
  private readonly verify: (hash: string, password: string) => Promise<boolean>;

  constructor(private readonly options: PasswordCheckOptions = DEFAULT_PASSWORD_CHECK_OPTIONS) {
    this.right = new BoundedMap(options.remembered);
    this.wrong = new BoundedMap(options.remembered);
    this.failures = new BoundedMap(options.remembered);
    this.verify = options.verify ?? ((hash, password) => argon2.verify(hash, password).catch(() => false));
  }

  async check(
    station: string,
    passwordHash: string,
    password: string,
    now = Date.now(),
  ): Promise<PasswordVerdict> {
    // The digest changes with the stored hash: a new password forgets what was known of the old one.
    const digest = createHash('sha256').update(`${passwordHash}\u0000${password}`).digest('base64');
    if (this.right.get(station) === digest) return 'right';
    if (this.wrong.has(digest)) return 'wrong';
    // The same password arriving many times at once (a storm of retries) is verified once.
    const pending = this.pending.get(digest);
    if (pending) return pending;
    const verifying = this.verifying.get(station) ?? 0;
    if (this.recentFailures(station, now).count + verifying >= this.options.failuresBeforeThrottle) {
      return 'throttled';
    }
    const verdict = this.verifyOnce(station, digest, passwordHash, password, now);
    this.pending.set(digest, verdict);
    this.verifying.set(station, verifying + 1);
    try {
      return await verdict;
    } finally {
      this.pending.delete(digest);
      const left = (this.verifying.get(station) ?? 1) - 1;
      if (left > 0) this.verifying.set(station, left);
      else this.verifying.delete(station);
    }
  }

  private async verifyOnce(
    station: string,
    digest: string,
    passwordHash: string,
    password: string,
    now: number,
  ): Promise<PasswordVerdict> {
    if (await this.verify(passwordHash, password)) {
      this.right.set(station, digest);
      this.failures.delete(station);
      return 'right';
    }
    this.wrong.set(digest, true);
    // Read again after the wait: other checks of the station may have failed meanwhile.
    const recent = this.recentFailures(station, now);
    this.failures.set(station, { count: recent.count + 1, since: recent.since });
    return 'wrong';
  }

  private recentFailures(station: string, now: number): { count: number; since: number } {
    const failures = this.failures.get(station);
    return failures && now - failures.since < this.options.windowMs ? failures : { count: 0, since: now };
  }
}
