// The production bundle (minified, as packaged) built into a temp folder so dist/ is left alone,
// its size, and activation timed in fresh Node processes by activationProbe.mjs.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BundleFigures {
  extensionBytes: number;
  webviewBytes: number;
  /** Largest contributors to extension.js, by package. */
  topInputs: { name: string; bytes: number }[];
  dir: string;
}

export async function buildProductionBundle(root: string): Promise<BundleFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'fse-bench-build-'));
  const metafile = join(dir, 'meta.json');
  await run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production', '--outdir', dir, '--metafile', metafile], { cwd: root });
  const meta = JSON.parse(await readFile(metafile, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const output = Object.entries(meta.outputs).find(([name]) => name.endsWith('extension.js'))?.[1];
  const byPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'extension code (src/)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  return {
    extensionBytes: (await stat(join(dir, 'extension.js'))).size,
    webviewBytes: (await stat(join(dir, 'webview.js'))).size,
    topInputs: [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 6),
    dir,
  };
}

export async function removeBundle(b: BundleFigures): Promise<void> {
  await rm(b.dir, { recursive: true, force: true });
}

export interface ActivationFigures {
  requireMs: number;
  activateMs: number;
  totalMs: number;
  commands: number;
  httpRequests: number;
  sockets: number;
  error?: string;
}

/** One fresh Node process per run: require() of the bundle is measured cold, as VS Code loads it. */
export async function measureActivation(root: string, bundleFile: string, env: NodeJS.ProcessEnv): Promise<ActivationFigures> {
  const { stdout } = await run(process.execPath, [join(root, 'scripts', 'bench', 'activationProbe.mjs'), bundleFile], { cwd: root, env });
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as ActivationFigures;
}
