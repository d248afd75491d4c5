// `node --test` over every *.test.ts below the given folders. Node 20's test runner does not expand
// glob patterns (that came in Node 21) and only discovers .js files in folders, so the files are
// listed here. Flags (anything starting with --) go to node, e.g.
//   node --import tsx scripts/lib/node-test.ts --test-concurrency=1 test/sandbox
//   npm run test:unit -- --test-name-pattern=arn
// Finding no test file is an error, not a silent pass.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f))
    .sort();
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const roots = args.filter((a) => !a.startsWith('--'));
const files = roots.flatMap(testFiles);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${roots.join(', ') || '(no folder given)'}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
