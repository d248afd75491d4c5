// `npm test`: every check in order — lint, typecheck, unit, sandbox contract, integration,
// extension-host suite (real VS Code), e2e (real workbench in Chromium). Output is streamed; at the
// end a summary table and the line `N passed, N failed` (all test counts summed). Every step runs
// even after a failure, so one run shows everything that is wrong; the exit code is non-zero if
// any step failed. A failing step without test counts (lint, typecheck, a crash) counts as one
// failure, so the last line never reads "0 failed" for a failed run.
//
// node --test steps (scripts/lib/node-test.ts passes flags through) run with two reporters: spec to
// stdout (for people) and TAP to a file (for the counts: its `# pass N` / `# fail N` summary lines).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, testResultsDir } from './lib/paths';
import { run, runMain } from './lib/processes';

interface Step {
  name: string;
  script: string;
  /** How the step's pass/fail counts are read. */
  counts: 'none' | 'node-test' | 'summary-line';
}

const STEPS: Step[] = [
  { name: 'lint', script: 'lint', counts: 'none' },
  { name: 'typecheck', script: 'typecheck', counts: 'none' },
  { name: 'unit', script: 'test:unit', counts: 'node-test' },
  { name: 'sandbox contract', script: 'test:sandbox', counts: 'node-test' },
  { name: 'integration', script: 'test:integration', counts: 'node-test' },
  { name: 'vscode suite', script: 'test:vscode', counts: 'summary-line' },
  { name: 'e2e', script: 'test:e2e', counts: 'summary-line' },
];

interface StepResult {
  name: string;
  ok: boolean;
  passed?: number;
  failed?: number;
  seconds: number;
}

function countsFromTap(tapFile: string): { passed: number; failed: number } | undefined {
  if (!fs.existsSync(tapFile)) return undefined;
  const text = fs.readFileSync(tapFile, 'utf8');
  const num = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  const passed = num('pass');
  if (Number.isNaN(passed)) return undefined;
  // Cancelled tests (a file that failed to load, a timeout) are failures too.
  return { passed, failed: (num('fail') || 0) + (num('cancelled') || 0) };
}

function countsFromSummaryLine(output: string): { passed: number; failed: number } | undefined {
  const matches = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

async function runStep(step: Step): Promise<StepResult> {
  const start = Date.now();
  console.log(`\n━━━ ${step.name}: npm run ${step.script} ━━━`);
  let code: number;
  let counts: { passed: number; failed: number } | undefined;
  if (step.counts === 'node-test') {
    const tapFile = path.join(testResultsDir, 'tap', `${step.script.replace(/[^a-z]+/gi, '-')}.tap`);
    fs.mkdirSync(path.dirname(tapFile), { recursive: true });
    fs.rmSync(tapFile, { force: true });
    const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`];
    ({ code } = await run('npm', ['run', '--silent', step.script, '--', ...reporters], { cwd: repoRoot }));
    counts = countsFromTap(tapFile);
  } else if (step.counts === 'summary-line') {
    const result = await run('npm', ['run', '--silent', step.script], { cwd: repoRoot, capture: true, echoCaptured: true });
    code = result.code;
    counts = countsFromSummaryLine(result.output);
  } else {
    ({ code } = await run('npm', ['run', '--silent', step.script], { cwd: repoRoot }));
  }
  const ok = code === 0 && (counts?.failed ?? 0) === 0;
  const seconds = (Date.now() - start) / 1000;
  console.log(`━━━ ${step.name}: ${ok ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)}s ━━━`);
  return { name: step.name, ok, passed: counts?.passed, failed: counts?.failed, seconds };
}

async function main(): Promise<number> {
  const started = Date.now();
  const results: StepResult[] = [];
  for (const step of STEPS) results.push(await runStep(step));

  const rows = results.map((r) => [
    r.name,
    r.ok ? 'ok' : 'FAILED',
    r.passed === undefined ? '-' : String(r.passed),
    r.failed === undefined ? '-' : String(r.failed),
    `${r.seconds.toFixed(1)}s`,
  ]);
  const header = ['step', 'status', 'passed', 'failed', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nSummary (${((Date.now() - started) / 60000).toFixed(1)} min)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  let passed = 0;
  let failed = 0;
  for (const r of results) {
    passed += r.passed ?? 0;
    // A failed step that reported no failing test (lint, typecheck, a crash) still counts once.
    failed += r.failed ?? 0;
    if (!r.ok && !r.failed) failed += 1;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return results.every((r) => r.ok) ? 0 : 1;
}

runMain(main);
