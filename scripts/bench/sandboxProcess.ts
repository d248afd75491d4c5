// The sandbox in a process of its own, as `npm run sandbox` runs it: its CPU work (sorting thousands
// of groups per page) must not share the event loop with the client being measured.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface SandboxProcess {
  url: string;
  setLatency(ms: number): Promise<void>;
  /** GET /_sandbox/state: the sandbox's whole state as JSON. */
  dumpState(): Promise<unknown>;
  stop(): Promise<void>;
}

/** An empty sandbox at latency 0, or one loading (and saving to) `statePath`. */
export async function startSandboxProcess(root: string, statePath?: string): Promise<SandboxProcess> {
  const args = ['--import', 'tsx', join(root, 'sandbox', 'cli.ts'), '--port', '0', '--seed', 'empty', '--latency-ms', '0'];
  if (statePath) args.push('--state', statePath);
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Sandbox listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with code ${code} before listening`)));
  });
  return {
    url,
    async setLatency(ms) {
      const res = await fetch(`${url}/_sandbox/latency`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }) });
      if (!res.ok) throw new Error(`POST /_sandbox/latency answered ${res.status}: ${await res.text()}`);
    },
    async dumpState() {
      const res = await fetch(`${url}/_sandbox/state`);
      if (!res.ok) throw new Error(`GET /_sandbox/state answered ${res.status}`);
      return res.json();
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
