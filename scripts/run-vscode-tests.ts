// `npm run test:vscode`: the extension-host suite (test/vscode, mocha) in real VS Code 1.100.3.
//
// How it runs (../shared/docs/vscode-here.md): the VS Code server (server-main.js from the
// code-server package in .tools/) is started with AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE
// naming the sandbox profiles (analytics, marketing, partner) and FSE_SANDBOX_URL; headless
// Chromium opens the workbench with a `payload` naming this repo as extensionDevelopmentPath and
// the bundled suite (dist/test/vscode/index.js) as extensionTestsPath. The server's extension host
// loads the extension and calls the suite's exported run().
//
// Result contract: the suite writes JSON to process.env.FSE_TEST_RESULT_FILE —
//   { "done": true, "passed": n, "failed": n, "failures": [{ "title", "error" }], "tests": [...] }
// scripts/lib/mocha-in-host.ts (runMochaSuite) does exactly that; test/vscode/index.ts uses it.
// A fixture workspace, if the suite needs files, goes in test/vscode/workspace/ (copied per run).
//
// Flags: --suite <entry.ts> (default test/vscode/index.ts), --skip-build, --grep <text>,
//        --timeout-seconds <n> (default 300), --verbose (echo server and extension-host output).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox';
import { sandboxProcessEnv, writeAwsConfig } from './lib/aws-config';
import { buildExtension, bundleSuite } from './lib/build';
import type { SuiteResult } from './lib/mocha-in-host';
import { repoRoot } from './lib/paths';
import { onCleanup, runMain } from './lib/processes';
import { createRunDir } from './lib/run-dir';
import { setupVscode } from './lib/setup';
import { startVscodeServer } from './lib/vscode-server';
import { launchWorkbench } from './lib/workbench';

function readResult(file: string): SuiteResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
  } catch {
    return undefined; // not written yet, or caught mid-write
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', default: 'test/vscode/index.ts' },
      'skip-build': { type: 'boolean', default: false },
      grep: { type: 'string' },
      'timeout-seconds': { type: 'string', default: '300' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const started = Date.now();
  const timeoutMs = Number(values['timeout-seconds']) * 1000;
  const scratch = createRunDir('vscode-suite');
  const runDir = scratch.path;

  await setupVscode();
  if (!values['skip-build']) await buildExtension();
  const suiteEntry = path.resolve(repoRoot, values.suite);
  const suiteBundle = await bundleSuite(suiteEntry, path.join(repoRoot, 'dist', 'test', 'vscode', 'index.js'));
  console.log(`bundled ${path.relative(repoRoot, suiteEntry)} -> ${path.relative(repoRoot, suiteBundle)}`);

  const sandbox = await startSandbox({ seed: 'demo' });
  onCleanup(() => sandbox.stop());
  console.log(`sandbox (demo seed) at ${sandbox.url}`);

  const workspace = path.join(runDir, 'workspace');
  const fixture = path.join(repoRoot, 'test', 'vscode', 'workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, workspace, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  const resultFile = path.join(runDir, 'result.json');
  const awsEnv = writeAwsConfig(path.join(runDir, 'aws'), sandbox.url);
  const env = sandboxProcessEnv(awsEnv, sandbox.url, {
    FSE_TEST_RESULT_FILE: resultFile,
    ...(values.grep ? { FSE_TEST_GREP: values.grep } : {}),
  });

  // The server logs when the extension host ends: with no final result by then, nothing will come.
  let hostExit: string | undefined;
  const server = await startVscodeServer({
    serverDataDir: path.join(runDir, 'server-data'),
    env,
    echo: values.verbose,
    onLine: (line) => {
      const m = /Extension Host Process exited with code: (\S+), signal: (\S+)\./.exec(line);
      if (m) hostExit = `code ${m[1]}, signal ${m[2]}`;
    },
  });
  console.log(`VS Code server at ${server.url}`);

  const url = server.testUrl({ extensionPath: repoRoot, testsPath: suiteBundle, folder: workspace });
  const consoleLog = fs.createWriteStream(path.join(runDir, 'browser-console.log'));
  onCleanup(() => new Promise<void>((resolve) => consoleLog.end(resolve)));
  const { page } = await launchWorkbench(url, { waitForWorkbench: false });
  page.on('console', (msg) => {
    consoleLog.write(`[${msg.type()}] ${msg.text()}\n`);
    if (values.verbose) console.log(`[browser] ${msg.text()}`);
  });
  console.log('workbench opened; the suite runs in the extension host...');

  // The extension host writes the result; wait for the final version of it.
  const deadline = Date.now() + timeoutMs;
  let result = readResult(resultFile);
  let hostExitSeenAt: number | undefined;
  while (!result?.done && Date.now() < deadline) {
    if (hostExit) hostExitSeenAt ??= Date.now();
    if (hostExitSeenAt && Date.now() - hostExitSeenAt > 3000) break;
    await new Promise((r) => setTimeout(r, 500));
    result = readResult(resultFile);
  }

  for (const t of result?.tests ?? []) {
    const mark = t.state === 'passed' ? 'PASS' : t.state === 'failed' ? 'FAIL' : 'SKIP';
    console.log(`  ${mark}  ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
  }
  for (const f of result?.failures ?? []) console.log(`\nFAILED: ${f.title}\n${indent(f.error)}`);

  const passed = result?.passed ?? 0;
  let failed = result?.failed ?? 0;
  if (!result?.done) {
    failed++;
    const why = hostExitSeenAt ? `the extension host exited (${hostExit}) before the suite finished` : `the suite did not finish within ${timeoutMs / 1000}s`;
    console.log(
      `\nFAILED: ${why}` +
        `${result ? '' : ' (it never wrote a result: did the extension host load it?)'}.`,
    );
  }
  if (failed > 0) {
    scratch.keep();
    console.log(`\nLogs kept: ${server.logFile}, ${path.join(runDir, 'browser-console.log')} and ${path.join(runDir, 'server-data', 'data', 'logs')}`);
  }
  console.log(`\nextension-host suite took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

runMain(main);
