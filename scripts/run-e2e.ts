// `npm run test:e2e`: drives the real VS Code 1.100.3 workbench (code-server) in headless Chromium
// the way a user would, against the sandbox. Tests live in test/e2e/*.e2e.ts (see scripts/lib/e2e.ts).
// Every test gets a fresh browser page (so a fresh extension host) and a sandbox reset to the demo
// seed. On failure a screenshot `<test>-failure.png` and the visible tree go to test-results/.
//
// Flags: --skip-build, --grep <text> (title filter), --headed-log (echo code-server output).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox';
import { sandboxProcessEnv, writeAwsConfig } from './lib/aws-config';
import { buildExtension } from './lib/build';
import { startCodeServer } from './lib/code-server';
import { loadE2eTests, type E2eContext } from './lib/e2e';
import { extensionId } from './lib/extension-link';
import { repoRoot, testResultsDir } from './lib/paths';
import { onCleanup, runMain } from './lib/processes';
import { createRunDir } from './lib/run-dir';
import { writeSampleWorkspace } from './lib/sample-workspace';
import { setupVscode } from './lib/setup';
import { launchWorkbench, notificationTexts, screenshot, visibleTreeLabels, waitForWorkbenchReady } from './lib/workbench';

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'skip-build': { type: 'boolean', default: false },
      grep: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const started = Date.now();
  const e2eDir = path.join(repoRoot, 'test', 'e2e');
  const files = fs
    .readdirSync(e2eDir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort()
    .map((f) => path.join(e2eDir, f));
  const tests = (await loadE2eTests(files)).filter((t) => !values.grep || t.title.includes(values.grep));
  if (tests.length === 0) {
    console.log(`no e2e tests found in ${path.relative(repoRoot, e2eDir)}`);
    console.log('0 passed, 1 failed');
    return 1;
  }

  const scratch = createRunDir('e2e');
  const runDir = scratch.path;

  await setupVscode();
  if (!values['skip-build']) await buildExtension();

  const sandbox = await startSandbox({ seed: 'demo' });
  onCleanup(() => sandbox.stop());
  console.log(`sandbox (demo seed) at ${sandbox.url}`);
  const control = async (controlPath: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(new URL(controlPath, sandbox.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${controlPath}: HTTP ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  const workspaceFolder = writeSampleWorkspace(path.join(runDir, 'workspace'));
  const awsEnv = writeAwsConfig(path.join(runDir, 'aws'), sandbox.url);
  const codeServer = await startCodeServer({
    port: 0,
    extensionDir: path.join(runDir, 'extensions'),
    userDataDir: path.join(runDir, 'user-data'),
    env: sandboxProcessEnv(awsEnv, sandbox.url),
    folder: workspaceFolder,
    echo: values.verbose,
  });
  console.log(`code-server at ${codeServer.url}`);

  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const testStart = Date.now();
    await control('/_sandbox/reset', { seed: 'demo' });
    const workbench = await launchWorkbench(codeServer.workbenchUrl);
    const { page } = workbench;
    const consoleLines: string[] = [];
    page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
    const ctx: E2eContext = {
      page,
      sandboxUrl: sandbox.url,
      workspaceFolder,
      screenshot: (name) => screenshot(page, name),
      sandbox: control,
    };
    try {
      await waitForWorkbenchReady(page);
      await withTimeout(test.fn(ctx), test.timeoutMs, test.title);
      passed++;
      console.log(`  PASS  ${test.title} (${((Date.now() - testStart) / 1000).toFixed(1)}s)`);
    } catch (err) {
      failed++;
      console.log(`  FAIL  ${test.title} (${((Date.now() - testStart) / 1000).toFixed(1)}s)`);
      console.log(indent((err as Error).stack ?? String(err)));
      const shot = await screenshot(page, `${slug(test.title)}-failure`).catch(() => undefined);
      if (shot) console.log(`    screenshot: ${path.relative(repoRoot, shot)}`);
      const rows = await visibleTreeLabels(page).catch(() => []);
      if (rows.length) console.log(`    side-bar rows:\n${indent(rows.join('\n'), 6)}`);
      const notes = await notificationTexts(page).catch(() => []);
      if (notes.length) console.log(`    notifications:\n${indent(notes.join('\n'), 6)}`);
      const consoleFile = path.join(testResultsDir, `${slug(test.title)}-browser-console.log`);
      fs.writeFileSync(consoleFile, consoleLines.join('\n') + '\n');
      console.log(`    browser console: ${path.relative(repoRoot, consoleFile)}`);
      const extLog = newestExtensionLog(path.join(runDir, 'user-data', 'logs'));
      if (extLog) {
        const tail = fs.readFileSync(extLog, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
        console.log(`    extension log (${extLog}), last lines:\n${indent(tail, 6)}`);
      }
    } finally {
      await workbench.close();
    }
  }
  if (failed > 0) {
    scratch.keep();
    console.log(`\nRun folder kept for the post-mortem: ${runDir} (code-server log: ${codeServer.logFile})`);
  }
  console.log(`\ne2e took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** The extension's own log channel file of the latest window (code-server keeps them per session). */
function newestExtensionLog(logsDir: string): string | undefined {
  if (!fs.existsSync(logsDir)) return undefined;
  const id = extensionId();
  const candidates = fs
    .readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.includes(id) && f.endsWith('.log'))
    .map((f) => path.join(logsDir, f));
  return candidates.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

function indent(text: string, by = 4): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(by) + l)
    .join('\n');
}

runMain(main);
