// Tells when some files change, however they are written: in place, replaced by rename (editors,
// `aws configure`), deleted, or created later in a folder that does not exist yet. Node's fs.watch
// on the parent folder when it exists, fs.watchFile polling when it does not; bursts of events
// (one save is often several) come out as one call.
import fs from 'node:fs';
import path from 'node:path';
import type * as vscode from 'vscode';

export interface WatchOptions {
  /** Quiet time before reporting, so one save is one change (default 300 ms). */
  debounceMs?: number;
  /** Polling interval while a folder is missing (default 2 s). */
  pollMs?: number;
}

/**
 * Calls `onChange` after any of `files` changed. Files are matched by name within their folder;
 * `folders` (optional) report a change of anything inside them (the SSO token cache).
 */
export function watchFiles(targets: { files?: string[]; folders?: string[] }, onChange: () => void, opts: WatchOptions = {}): vscode.Disposable {
  const debounceMs = opts.debounceMs ?? 300;
  const pollMs = opts.pollMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;
  const fire = () => {
    if (disposed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!disposed) onChange();
    }, debounceMs);
  };

  // Folder → the names in it that matter (undefined: every name).
  const wanted = new Map<string, Set<string> | undefined>();
  for (const file of targets.files ?? []) {
    const dir = path.dirname(file);
    if (wanted.has(dir) && wanted.get(dir) === undefined) continue;
    const names = wanted.get(dir) ?? new Set<string>();
    names.add(path.basename(file));
    wanted.set(dir, names);
  }
  for (const folder of targets.folders ?? []) wanted.set(folder, undefined);

  const closers: (() => void)[] = [];
  for (const [dir, names] of wanted) closers.push(watchFolder(dir, names, fire, pollMs));
  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      for (const close of closers) close();
    },
  };
}

/** Watches one folder; while it is missing, polls for it and switches to fs.watch once it appears. */
function watchFolder(dir: string, names: Set<string> | undefined, fire: () => void, pollMs: number): () => void {
  let watcher: fs.FSWatcher | undefined;
  let polling = false;
  let closed = false;
  const onPoll = (curr: fs.Stats) => {
    if (curr.isDirectory() && start()) {
      fs.unwatchFile(dir, onPoll);
      polling = false;
      // The folder (and maybe the files) just appeared.
      fire();
    }
  };
  const poll = () => {
    if (polling || closed) return;
    polling = true;
    fs.watchFile(dir, { interval: pollMs, persistent: false }, onPoll);
  };
  const start = (): boolean => {
    if (closed) return false;
    try {
      watcher = fs.watch(dir, { persistent: false }, (_event, filename) => {
        if (!names || !filename || names.has(filename.toString())) fire();
      });
      watcher.on('error', () => {
        // The folder went away (or became unreadable): report it and wait for it to come back.
        watcher?.close();
        watcher = undefined;
        fire();
        poll();
      });
      return true;
    } catch {
      return false;
    }
  };
  if (!start()) poll();
  return () => {
    closed = true;
    watcher?.close();
    if (polling) fs.unwatchFile(dir, onPoll);
  };
}
