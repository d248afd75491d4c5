// Bundles the extension (Node, CommonJS, `vscode` external) and the inspector webview (browser).
//   node scripts/build.mjs [--watch] [--production] [--outdir DIR] [--metafile FILE]
// --production minifies and drops source maps; --outdir writes extension.js and webview.js elsewhere
// than dist/ (the benchmark measures a production build without touching dist/); --metafile writes
// esbuild's input analysis of extension.js (what each package adds to the bundle).
import { writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const outdir = option('--outdir') ?? 'dist';
const metafile = option('--metafile');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info' };

const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: `${outdir}/extension.js`,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // The AWS SDK ships ES modules next to CommonJS: only the ES build lets esbuild drop what is
    // never imported (the SageMaker client's ~400 operations' schemas), halving the bundle.
    mainFields: ['module', 'main'],
    metafile: !!metafile,
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: `${outdir}/webview.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
} else {
  const [extension] = await Promise.all(targets.map((t) => esbuild.build(t)));
  if (metafile) writeFileSync(metafile, JSON.stringify(extension.metafile));
}
