// The tiny end-to-end test harness: test/e2e/*.e2e.ts register tests with e2eTest(); run-e2e.ts
// starts the sandbox and code-server once, then gives every test a fresh workbench page over a
// sandbox reset to the demo seed.
//
//   import { e2eTest } from '../../scripts/lib/e2e';
//   import { openFeatureStoreView, treeRow } from '../../scripts/lib/workbench';
//   e2eTest('shows the profiles', async ({ page, screenshot }) => { ... });
import type { Page } from 'playwright-core';

export interface E2eContext {
  /** The workbench (code-server) page, already loaded with the workspace folder open. */
  page: Page;
  /** http://127.0.0.1:PORT of the sandbox (demo seed, reset before each test). */
  sandboxUrl: string;
  /** Workspace folder open in the workbench (contains model.py). */
  workspaceFolder: string;
  /** Saves a PNG of the page under test-results/; returns its path. */
  screenshot(name: string): Promise<string>;
  /** POSTs to the sandbox control API, e.g. sandbox('/_sandbox/reset', { seed: 'empty' }). */
  sandbox(controlPath: string, body?: unknown): Promise<unknown>;
}

export type E2eFn = (ctx: E2eContext) => Promise<void>;

export interface E2eTest {
  title: string;
  fn: E2eFn;
  timeoutMs: number;
  file?: string;
}

const registered: E2eTest[] = [];
let currentFile: string | undefined;

export function e2eTest(title: string, fn: E2eFn, opts: { timeoutMs?: number } = {}): void {
  registered.push({ title, fn, timeoutMs: opts.timeoutMs ?? 180_000, file: currentFile });
}

/** Loads test files (each registers its tests) and returns the tests in file order. */
export async function loadE2eTests(files: string[]): Promise<E2eTest[]> {
  for (const file of files) {
    currentFile = file;
    await import(file);
  }
  currentFile = undefined;
  return registered;
}
