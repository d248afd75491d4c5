// Child processes and teardown for the test/demo scripts.
// Every long-lived child runs in its own process group (detached) so that stopping it also stops
// whatever it spawned (code-server -> extension host -> ...). All children and registered cleanups
// are torn down on normal exit, on failure and on Ctrl+C / SIGTERM.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';

type Cleanup = () => void | Promise<void>;

const cleanups: Cleanup[] = [];
const liveGroups = new Set<number>();
let cleaningUp: Promise<void> | undefined;
let signalHandlersInstalled = false;
let mainExitCode: number | undefined;
let interrupted = false;

/** Registers work to undo at the end (LIFO). Returns a function that unregisters it. */
export function onCleanup(fn: Cleanup): () => void {
  installSignalHandlers();
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** True when the script's main function failed on its own (not by Ctrl+C): cleanups may keep evidence. */
export function mainFailed(): boolean {
  return !interrupted && mainExitCode !== undefined && mainExitCode !== 0;
}

/** True once teardown has begun (Ctrl+C or the end of the script): children exiting is expected. */
export function isShuttingDown(): boolean {
  return cleaningUp !== undefined;
}

/** Runs every registered cleanup once, newest first; later calls wait for the same run. */
export function runCleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (err) {
        console.error(`cleanup failed: ${(err as Error).message}`);
      }
    }
    killAllGroupsNow();
  })();
  return cleaningUp;
}

function killAllGroupsNow(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  liveGroups.clear();
}

function installSignalHandlers(): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  // Last resort when the script exits without awaiting cleanup: no orphaned servers.
  process.on('exit', killAllGroupsNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interrupted = true;
      console.error(`\n${signal} received, stopping everything...`);
      const forceExit = setTimeout(() => process.exit(130), 15_000);
      forceExit.unref();
      void runCleanup().finally(() => process.exit(130));
    });
  }
}

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after a grace period. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Every output line is appended here (the full log, for post-mortems). */
  logFile?: string;
  /** Echo output lines to our stdout with a `[name]` prefix. */
  echo?: boolean;
  /** Called with every output line (stdout and stderr). */
  onLine?: (line: string) => void;
}

/** Starts a long-lived child in its own process group; it is stopped by runCleanup(). */
export function startProcess(name: string, command: string, args: string[], opts: StartOptions = {}): ManagedProcess {
  installSignalHandlers();
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${name} (${command})`);
  liveGroups.add(pid);

  const log = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      log?.write(line + '\n');
      if (opts.echo) console.log(`[${name}] ${line}`);
      opts.onLine?.(line);
    });
  }

  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      liveGroups.delete(pid);
      resolve(code ?? signal ?? 'unknown');
    });
    child.on('error', (err) => {
      liveGroups.delete(pid);
      resolve(`spawn error: ${err.message}`);
    });
  });
  exited.finally(() => log?.end());

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 5000): Promise<void> => {
    stopping ??= (async () => {
      if (!liveGroups.has(pid)) return;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader is gone; make sure no grandchild of the group survives it.
      signalGroup(pid, 'SIGKILL');
    })();
    return stopping;
  };
  onCleanup(stop);
  return { name, child, exited, stop };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // group already empty
  }
}

export interface RunResult {
  code: number;
  /** Combined stdout+stderr when `capture` was requested. */
  output: string;
}

/**
 * Runs a command to completion, streaming its output to ours (or capturing it).
 * The child gets its own process group so Ctrl+C tears down everything it started.
 */
export function run(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; capture?: boolean; echoCaptured?: boolean } = {},
): Promise<RunResult> {
  installSignalHandlers();
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    detached: true,
  };
  return new Promise((resolve) => {
    const child = spawn(command, args, spawnOpts);
    const pid = child.pid;
    if (pid !== undefined) liveGroups.add(pid);
    let output = '';
    const collect = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      if (opts.echoCaptured) to.write(chunk);
    };
    child.stdout?.on('data', (c: Buffer) => collect(c, process.stdout));
    child.stderr?.on('data', (c: Buffer) => collect(c, process.stderr));
    child.on('error', (err) => {
      if (pid !== undefined) liveGroups.delete(pid);
      resolve({ code: 127, output: output + `\n${command}: ${err.message}\n` });
    });
    child.on('close', (code, signal) => {
      if (pid !== undefined) liveGroups.delete(pid);
      resolve({ code: code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0), output });
    });
  });
}

/** Like run(), but throws with the captured tail when the command fails. */
export async function runOrThrow(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; capture?: boolean; echoCaptured?: boolean } = {},
): Promise<string> {
  const result = await run(command, args, opts);
  if (result.code !== 0) {
    const tail = result.output.split('\n').slice(-40).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.code}${tail.trim() ? `:\n${tail}` : ''}`);
  }
  return result.output;
}

/**
 * Standard entry point for scripts: runs main, always cleans up, exits with main's code
 * (1 on an exception).
 */
export function runMain(main: () => Promise<number | void>): void {
  installSignalHandlers();
  main()
    .then(
      (code) => code ?? 0,
      (err: unknown) => {
        // After Ctrl+C, whatever was in flight fails as its servers go away: not worth printing.
        if (!interrupted) console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        return 1;
      },
    )
    .then(async (code) => {
      mainExitCode = code;
      await runCleanup();
      process.exit(code);
    });
}
