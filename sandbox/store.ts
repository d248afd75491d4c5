// Optional persistence for --state: the state is written to a temporary file, flushed, then
// renamed over the old one, so a crash mid-write leaves the previous complete file in place.
// Saves are queued one after another; a change waits for a save that includes it.
import { existsSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { reviveState, type State } from './state';

export class Store {
  private chain: Promise<void> = Promise.resolve();
  private generation = 0;
  private saved = 0;

  constructor(
    readonly path: string | undefined,
    private readonly current: () => State,
  ) {}

  /** The state saved at `path`, or undefined when there is no file yet. */
  static load(path: string): State | undefined {
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    try {
      return reviveState(JSON.parse(text) as State);
    } catch (err) {
      throw new Error(`Sandbox state file ${path} is not valid JSON (${(err as Error).message}); move it away to start fresh.`, { cause: err });
    }
  }

  /** Call after every change; resolves once a save containing the change is on disk. */
  changed(): Promise<void> {
    if (!this.path) return Promise.resolve();
    const gen = ++this.generation;
    const next = this.chain.catch(() => undefined).then(() => this.saveUpTo(gen));
    this.chain = next;
    return next;
  }

  /** Waits for queued saves (used by stop()). */
  async idle(): Promise<void> {
    await this.chain.catch(() => undefined);
  }

  private async saveUpTo(gen: number): Promise<void> {
    if (this.saved >= gen || !this.path) return;
    const target = this.generation;
    const text = JSON.stringify(this.current());
    const tmp = `${this.path}.${process.pid}.tmp`;
    const file = await open(tmp, 'w');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, this.path);
    this.saved = target;
  }
}
