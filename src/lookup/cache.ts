// A keyed cache whose entries live a short time, shared by everyone who asks while a load runs
// (in-flight de-duplication). Failures are kept too, for their own (shorter) time, so a failing
// endpoint is not called again on every hover. Pure (no 'vscode'); the clock is injectable.

interface Entry<V> {
  promise: Promise<V>;
  /** When the load settled; undefined while it runs. */
  settledAt?: number;
  failed?: boolean;
}

export interface TtlCacheOptions {
  ttlMs: number;
  /** How long a failure is kept (default: ttlMs). */
  errorTtlMs?: number;
  /** Oldest entries are dropped beyond this many (default 1000). */
  maxEntries?: number;
  now?: () => number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;
  private readonly errorTtlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly opts: TtlCacheOptions) {
    this.now = opts.now ?? Date.now;
    this.errorTtlMs = opts.errorTtlMs ?? opts.ttlMs;
    this.maxEntries = opts.maxEntries ?? 1000;
  }

  /** The cached outcome of `key` while fresh; otherwise runs `load` once for every caller. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && this.isFresh(cached)) return cached.promise;
    const entry: Entry<V> = { promise: Promise.resolve().then(load) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = this.now();
      },
      () => {
        entry.settledAt = this.now();
        entry.failed = true;
      },
    );
    this.evict();
    return entry.promise;
  }

  /** The value of a fresh, successfully settled entry; never loads. */
  async peek(key: string): Promise<V | undefined> {
    const cached = this.entries.get(key);
    if (!cached || cached.settledAt === undefined || cached.failed || !this.isFresh(cached)) return undefined;
    return cached.promise;
  }

  has(key: string): boolean {
    const cached = this.entries.get(key);
    return !!cached && this.isFresh(cached);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private isFresh(entry: Entry<V>): boolean {
    if (entry.settledAt === undefined) return true;
    const age = this.now() - entry.settledAt;
    return age < (entry.failed ? this.errorTtlMs : this.opts.ttlMs);
  }

  private evict(): void {
    // Map keeps insertion order, and get() re-inserts what it loads: the first keys are the oldest.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
