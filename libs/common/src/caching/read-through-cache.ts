/**
 * Values read from the database for a short while, one read shared by everyone asking at once: for
 * what every connection or boot reads and an operator rarely changes. `keep` says which loaded values
 * stay (e.g. not misses, so that unknown keys cannot make it grow); a failed read is never kept. With
 * `maxEntries`, the oldest entries go first beyond it, so misses may be kept too (names someone keeps
 * asking for in vain, answered without a read each).
 */
export class ReadThroughCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly keep: (value: V) => boolean = () => true,
    private readonly maxEntries = Infinity,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return cached.value;
    const entry = { value: load(), until: Date.now() + this.ttlMs };
    // Re-inserted, so that the map's order is the age of its entries.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const drop = (): void => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    entry.value.then((value) => {
      if (!this.keep(value)) drop();
    }, drop);
    return entry.value;
  }

  /** After a change made here: the next read goes to the database. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
