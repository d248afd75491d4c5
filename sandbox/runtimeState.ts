// Everything one running sandbox holds: live state and clock, persistence, controls, seed choice.
import { Core } from './core';
import { Controls } from './http/controls';
import { seedState, type SeedName } from './seed';
import { Store } from './store';

export class SandboxRuntime {
  readonly core: Core;
  readonly store: Store;
  readonly controls = new Controls();

  constructor(
    readonly seed: SeedName,
    statePath: string | undefined,
    wallClock: () => number,
  ) {
    const loaded = statePath ? Store.load(statePath) : undefined;
    this.core = new Core(loaded ?? seedState(seed, wallClock()), wallClock);
    this.store = new Store(statePath, () => this.core.state);
    if (statePath && !loaded) void this.store.changed();
  }

  /** Replaces the whole state with a fresh seed (clock offset back to zero). */
  reset(seed: SeedName): Promise<void> {
    this.core.state = seedState(seed, this.core.now() - this.core.state.clockOffsetMs);
    return this.store.changed();
  }
}
