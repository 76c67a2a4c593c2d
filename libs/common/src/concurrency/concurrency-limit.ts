/**
 * At most `limit` tasks run at once; the others wait their turn in arrival order. Under a burst the
 * first comers finish early instead of everyone finishing late together.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Tasks started and not finished, and tasks waiting for a turn. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `task` in its turn; its result or failure is the returned promise's. Not an async function:
   * every station CALL passes here, and with a free slot this costs one promise, not an async
   * function's promise, generator and awaits.
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) {
      this.running++;
      return this.start(task);
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve)).then(() => this.start(task));
  }

  /** Runs `task` in a slot already taken; the slot is passed on once it settles, even if it throws. */
  private start<T>(task: () => Promise<T>): Promise<T> {
    let result: Promise<T>;
    try {
      result = Promise.resolve(task());
    } catch (error) {
      // Failed as if the task had rejected: the caller gets a promise either way.
      return Promise.resolve().then(() => this.releaseThrowing(error));
    }
    return result.then(this.releaseWith as (value: T) => T, this.releaseThrowing);
  }

  private readonly releaseWith = (value: unknown): unknown => {
    this.release();
    return value;
  };

  private readonly releaseThrowing = (error: unknown): never => {
    this.release();
    throw error;
  };

  /** The slot passes straight to the next in line. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
