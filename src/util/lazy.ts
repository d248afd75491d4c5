// A load that starts on first use, is shared by everyone who asks while it runs, and keeps its
// outcome (value or error) until reset. Tree nodes use it so expanding, hovering and the pickers
// never issue the same AWS call twice, and a failure stays visible until the user retries.
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class Lazy<T> {
  private pending?: Promise<Outcome<T>>;
  private settled?: Outcome<T>;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<Outcome<T>> {
    if (!this.pending) {
      const attempt: Promise<Outcome<T>> = this.load().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      this.pending = attempt;
      void attempt.then((o) => {
        // A reset while the call ran must not let the old outcome come back.
        if (this.pending === attempt) this.settled = o;
      });
    }
    return this.pending;
  }

  /** The outcome if the load has finished, without starting it. */
  peek(): Outcome<T> | undefined {
    return this.settled;
  }

  reset(): void {
    this.pending = undefined;
    this.settled = undefined;
  }
}
