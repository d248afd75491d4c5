// Building the extension and bundling the extension-host test suite.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths';
import { runOrThrow } from './processes';

/** `npm run build` (esbuild: dist/extension.js + dist/webview.js), output streamed. */
export async function buildExtension(): Promise<void> {
  const start = Date.now();
  await runOrThrow('npm', ['run', '--silent', 'build'], { cwd: repoRoot });
  console.log(`built the extension in ${((Date.now() - start) / 1000).toFixed(1)}s`);
}

/**
 * Bundles a suite entry (test/vscode/index.ts) into one CommonJS file for the extension host:
 * `vscode` stays external (the host provides it), mocha and the tests are bundled in.
 * (The extension host installs its own Error.prepareStackTrace, so stacks show bundle lines;
 * the inline source map serves debuggers.)
 */
export async function bundleSuite(entry: string, outfile: string): Promise<string> {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (never used in the extension host) resolves worker files by path.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outfile;
}
