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

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
