// A short-lived cache of AWS answers shared by everything built on one ClientPool (tree, lookup,
// inspector, pickers). Identical calls made while one is in flight share it (de-duplication);
// a successful answer is reused for `ttlMs`; a failure is never kept, so a retry really retries.
// Entries belong to a profile and a scope ('owned', 'ram', 'search', ...), which is what a change
// invalidates: accepting an invitation drops RAM answers and Search, never the owned groups.

/** What a write invalidates; see WRITE_INVALIDATES in callCache.ts. */
export type CacheScope = 'account' | 'owned' | 'describe' | 'search' | 'ram' | 'permissions' | 'record';

interface Entry {
  profile: string;
  scope: CacheScope;
  value: Promise<unknown>;
  /** performance.now() after which the answer is stale; Infinity while in flight. */
  expires: number;
}

export const DEFAULT_CACHE_TTL_MS = 30_000;

const SWEEP_MIN = 512;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private sweepAt = SWEEP_MIN;

  /** ttlMs 0 keeps nothing after a call ends: only concurrent identical calls are shared. */
  constructor(
    readonly ttlMs: number = DEFAULT_CACHE_TTL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The answer for (profile, scope, key): the cached or in-flight one, else a new `load()`.
   * `key` must name everything the answer depends on besides the profile (region, endpoint, arguments).
   */
  get<T>(profile: string, scope: CacheScope, key: readonly unknown[], load: () => Promise<T>, opts: { ttlMs?: number } = {}): Promise<T> {
    const id = JSON.stringify([profile, scope, ...key]);
    const cached = this.entries.get(id);
    if (cached && cached.expires > this.now()) return cached.value as Promise<T>;
    const entry: Entry = { profile, scope, value: Promise.resolve().then(load), expires: Infinity };
    if (!cached && this.entries.size >= this.sweepAt) this.sweep();
    this.entries.set(id, entry);
    const ttl = opts.ttlMs ?? this.ttlMs;
    entry.value.then(
      () => {
        // An invalidation while the call ran must not let its (possibly stale) answer back in.
        if (this.entries.get(id) !== entry) return;
        if (ttl > 0) entry.expires = this.now() + ttl;
        else this.entries.delete(id);
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    return entry.value as Promise<T>;
  }

  /** Stale entries are replaced when asked for again; this keeps the unasked ones from piling up. */
  private sweep(): void {
    const now = this.now();
    for (const [id, e] of this.entries) if (e.expires <= now) this.entries.delete(id);
    this.sweepAt = Math.max(SWEEP_MIN, this.entries.size * 2);
  }

  /** Drops entries of one profile (all when undefined), in the given scopes (all when undefined). */
  invalidate(profile?: string, scopes?: readonly CacheScope[]): void {
    for (const [id, e] of this.entries) {
      if ((profile === undefined || e.profile === profile) && (!scopes || scopes.includes(e.scope))) this.entries.delete(id);
    }
  }

  /** Entries held (in flight or fresh), for tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }
}
