// A private scratch folder per test run (AWS config, server data, workspace, logs). Private so that
// two runs at once — several people or agents in one checkout — never overwrite each other's
// files; removed at the end unless the run failed, when it is kept for the post-mortem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mainFailed, onCleanup } from './processes';

export interface RunDir {
  path: string;
  /** Keep the folder after the run (it is also kept whenever the script fails). */
  keep(): void;
}

export function createRunDir(kind: string): RunDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fse-${kind}-`));
  let kept = false;
  onCleanup(() => {
    if (kept || mainFailed()) console.log(`scratch folder kept: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: dir,
    keep: () => {
      kept = true;
    },
  };
}
