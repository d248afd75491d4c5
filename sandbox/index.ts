// Library entry: start a sandbox on 127.0.0.1 (a free port by default), get its URL, stop it.
import type { AddressInfo } from 'node:net';
import { createSandboxServer } from './http/server';
import { SandboxRuntime } from './runtimeState';
import type { SeedName } from './seed';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  seed?: SeedName;
  /** Load from and save every change to this file (atomically). */
  statePath?: string;
  latencyMs?: number;
  /** Wall clock in epoch ms; the sandbox clock is this plus /_sandbox/clock advances. */
  now?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const rt = new SandboxRuntime(opts.seed ?? 'demo', opts.statePath, opts.now ?? Date.now);
  rt.controls.latencyMs = opts.latencyMs ?? 0;
  const server = createSandboxServer(rt);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rt.store.idle();
    },
  };
}

export type { SeedName } from './seed';
