// Runs a mocha suite inside the VS Code extension host and reports the outcome in a JSON file,
// because the extension host's exit code never reaches the browser that started it.
//
// Contract with scripts/run-vscode-tests.ts: the suite's exported `run()` (the @vscode/test-electron
// extensionTestsPath contract) writes to process.env.FSE_TEST_RESULT_FILE
//   { "done": bool, "passed": n, "failed": n, "pending": n, "failures": [{ "title", "error" }],
//     "tests": [{ "title", "state": "passed"|"failed"|"pending", "durationMs", "error"? }] }
// (rewritten after every test, `done: true` once the run settled) and rejects when something
// failed. test/vscode/index.ts uses it like:
//
//   import { runMochaSuite } from '../../scripts/lib/mocha-in-host';
//   export function run(): Promise<void> {
//     return runMochaSuite({ load: async () => { await import('./tree.test'); await import('./inspector.test'); } });
//   }
//
// `load` runs after mocha's globals exist (both BDD describe/it/before… and TDD suite/test/setup…).
// Import test modules only there, with literal import('./x.test') paths (esbuild bundles those into
// the one suite file); a top-level `import './x.test'` would run before `describe` exists.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export interface SuiteTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResult {
  /** False while tests are still running (the file is rewritten after each one). */
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  tests: SuiteTestResult[];
}

export interface RunMochaSuiteOptions {
  /** Imports the test modules (after mocha's globals are installed). */
  load?: () => unknown;
  /** Compiled CommonJS test files to require, as mocha's addFile does. */
  files?: string[];
  /** Where to write the JSON result (default: process.env.FSE_TEST_RESULT_FILE). */
  resultFile?: string;
  /** Per-test timeout (default 60 s: the first calls start SDK clients and the sandbox). */
  timeoutMs?: number;
  /** Only tests whose full title matches (default: process.env.FSE_TEST_GREP). */
  grep?: string;
}

export function runMochaSuite(opts: RunMochaSuiteOptions = {}): Promise<void> {
  const resultFile = opts.resultFile ?? process.env.FSE_TEST_RESULT_FILE;
  const result: SuiteResult = { done: false, passed: 0, failed: 0, pending: 0, failures: [], tests: [] };
  const write = () => {
    if (!resultFile) return;
    fs.mkdirSync(path.dirname(resultFile), { recursive: true });
    fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  };
  const fail = (title: string, err: unknown) => {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    result.failed++;
    result.failures.push({ title, error });
    result.tests.push({ title, state: 'failed', error });
  };

  return (async () => {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: opts.timeoutMs ?? 60_000, reporter: 'spec' });
    mocha.ui('tdd');
    const grep = opts.grep ?? process.env.FSE_TEST_GREP;
    if (grep) mocha.grep(grep);
    try {
      if (opts.load) {
        mocha.suite.emit('pre-require', globalThis, 'suite-bundle', mocha);
        await opts.load();
      }
      for (const file of opts.files ?? []) mocha.addFile(file);
    } catch (err) {
      fail('loading the test suite', err);
      result.done = true;
      write();
      throw err;
    }

    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => {
        result.passed++;
        result.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
        write();
      });
      runner.on('fail', (test, err) => fail(test.fullTitle(), err));
      runner.on('fail', () => write());
      runner.on('pending', (test) => {
        result.pending++;
        result.tests.push({ title: test.fullTitle(), state: 'pending' });
      });
    });
    if (result.passed + result.failed === 0) fail('the suite', new Error('no tests were registered'));
    result.done = true;
    write();
    if (result.failed > 0) throw new Error(`${result.failed} test(s) failed`);
  })();
}
