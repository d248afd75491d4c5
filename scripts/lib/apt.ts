// Debian packages the real-VS-Code tooling needs: headers for code-server's native modules,
// ripgrep (VS Code's search; its own postinstall would download it from GitHub) and Chromium.
import fs from 'node:fs';
import { run, runOrThrow } from './processes';

export const REQUIRED_APT_PACKAGES = ['libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev', 'libx11-dev', 'ripgrep', 'chromium'];

async function isInstalled(pkg: string): Promise<boolean> {
  const result = await run('dpkg-query', ['-W', '-f=${Status}', pkg], { capture: true });
  return result.code === 0 && result.output.includes('install ok installed');
}

/** Installs whichever of REQUIRED_APT_PACKAGES is missing (apt-get update once, then install). */
export async function ensureAptPackages(): Promise<void> {
  if (!fs.existsSync('/usr/bin/dpkg-query')) {
    console.log('setup: no dpkg here; assuming chromium, ripgrep and build headers are provided otherwise');
    return;
  }
  const missing: string[] = [];
  for (const pkg of REQUIRED_APT_PACKAGES) if (!(await isInstalled(pkg))) missing.push(pkg);
  if (missing.length === 0) {
    console.log(`setup: apt packages present (${REQUIRED_APT_PACKAGES.join(', ')})`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}\nrun as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`setup: apt-get update (missing: ${missing.join(', ')})`);
  await runOrThrow('apt-get', ['update'], { env });
  console.log(`setup: apt-get install -y ${missing.join(' ')}`);
  await runOrThrow('apt-get', ['install', '-y', ...missing], { env });
}
