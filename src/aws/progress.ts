// Partial results of a listing still in flight, for callers that show rows as pages arrive. A caller
// that subscribes late (the listing is shared through the response cache) first gets the latest
// partial result, then every later one.
export type ProgressListener<T> = (partial: T) => void;

export class ProgressHub<T> {
  private readonly running = new Map<string, { latest?: T; listeners: Set<ProgressListener<T>> }>();

  /** Listens to `key` until the returned function is called. */
  subscribe(key: string, listener: ProgressListener<T>): () => void {
    let entry = this.running.get(key);
    if (!entry) this.running.set(key, (entry = { listeners: new Set() }));
    entry.listeners.add(listener);
    if (entry.latest !== undefined) safely(listener, entry.latest);
    const e = entry;
    return () => {
      e.listeners.delete(listener);
      if (e.listeners.size === 0 && this.running.get(key) === e) this.running.delete(key);
    };
  }

  /** Whether anyone listens: building a partial result can then be skipped. */
  wanted(key: string): boolean {
    return (this.running.get(key)?.listeners.size ?? 0) > 0;
  }

  publish(key: string, partial: T): void {
    const entry = this.running.get(key);
    if (!entry) return;
    entry.latest = partial;
    for (const l of entry.listeners) safely(l, partial);
  }

  /** The listing ended: a later listing under the same key starts with no partial result. */
  end(key: string): void {
    const entry = this.running.get(key);
    if (entry) entry.latest = undefined;
  }
}

function safely<T>(listener: ProgressListener<T>, value: T): void {
  try {
    listener(value);
  } catch {
    // A failing listener must not break the listing the others wait for.
  }
}
