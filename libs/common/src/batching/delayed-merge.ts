interface Waiting<V> {
  value: V;
  released: Promise<void>;
  settle: (outcome: Promise<void>) => void;
}

/**
 * Values that may wait: each key's value waits up to `delayMs` (all waiting ones are released
 * together), values meeting under one key merge, and `release(key)` lets one go early (before a
 * write it should fold into). Every `add` settles with the outcome of its value's release.
 */
export class DelayedMerge<K, V> {
  private readonly waiting = new Map<K, Waiting<V>>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly delayMs: number,
    private readonly merge: (earlier: V, later: V) => V,
    private readonly onRelease: (key: K, value: V) => Promise<void>,
  ) {}

  add(key: K, value: V): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting) {
      waiting.value = this.merge(waiting.value, value);
      return waiting.released;
    }
    let settle!: (outcome: Promise<void>) => void;
    const released = new Promise<void>((resolve, reject) => {
      settle = (outcome) => {
        outcome.then(resolve, reject);
      };
    });
    this.waiting.set(key, { value, released, settle });
    this.timer ??= setTimeout(() => this.releaseAll(), this.delayMs);
    return released;
  }

  /** The value waiting under `key`, if any. */
  peek(key: K): V | undefined {
    return this.waiting.get(key)?.value;
  }

  release(key: K): void {
    const waiting = this.waiting.get(key);
    if (!waiting) return;
    this.waiting.delete(key);
    waiting.settle(this.onRelease(key, waiting.value));
  }

  releaseAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const key of [...this.waiting.keys()]) this.release(key);
  }
}
