// The live sandbox: current state plus the clock. Handlers read and change `core.state` directly;
// reset swaps the whole object.
import type { State } from './state';

export interface Caller {
  accountId: string;
  /** IAM identity ARN: `arn:aws:iam::<acct>:root` or an assumed-role ARN. */
  arn: string;
  userId: string;
  region: string;
  accessKeyId: string;
}

/** Epoch milliseconds → the epoch-seconds numbers the JSON protocols carry. */
export const secs = (ms: number): number => ms / 1000;

export class Core {
  constructor(
    public state: State,
    private readonly wallClock: () => number,
  ) {}

  /** Sandbox time in epoch milliseconds: the wall clock moved by /_sandbox/clock. */
  now(): number {
    return this.wallClock() + this.state.clockOffsetMs;
  }
}
