// Installs the extension under development into an extensions folder by symlinking the repo root
// (package.json main = dist/extension.js) as `<publisher>.<name>-<version>`, which is how
// code-server finds installed extensions (it rejects --extensionDevelopmentPath).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

interface Manifest {
  publisher: string;
  name: string;
  version: string;
  main?: string;
}

export function readManifest(dir = repoRoot): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** `publisher.name`, the id vscode.extensions.getExtension() takes. */
export function extensionId(dir = repoRoot): string {
  const m = readManifest(dir);
  return `${m.publisher}.${m.name}`;
}

export function linkExtension(extensionsDir: string, extensionPath = repoRoot): string {
  const m = readManifest(extensionPath);
  if (m.main && !fs.existsSync(path.resolve(extensionPath, m.main))) {
    throw new Error(`${m.main} is missing: build the extension first (npm run build)`);
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  const link = path.join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
  fs.rmSync(link, { force: true, recursive: false });
  fs.symlinkSync(extensionPath, link, 'dir');
  return link;
}
