// Real VS Code for tests and the demo, per ../shared/docs/vscode-here.md.
// Installs code-server (VS Code 1.100.3 server + web workbench) into .tools/code-server — a tool
// folder of its own, never a dependency of the extension — and the Debian packages it needs.
// Idempotent: a stamp file makes the second run a no-op (apart from a quick package check).
import fs from 'node:fs';
import path from 'node:path';
import { ensureAptPackages } from './apt';
import {
  CODE_SERVER_VERSION,
  VSCODE_VERSION,
  codeServerEntry,
  codeServerToolDir,
  setupStampFile,
  vscodeDir,
} from './paths';
import { runOrThrow } from './processes';

interface Stamp {
  codeServer: string;
  nodeAbi: string;
  versionLine: string;
}

// Native modules are built for one Node ABI; a different Node needs a rebuild.
const wantedStamp = { codeServer: CODE_SERVER_VERSION, nodeAbi: process.versions.modules };

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(setupStampFile, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

async function step(title: string, fn: () => Promise<unknown>): Promise<void> {
  const start = Date.now();
  console.log(`setup: ${title}...`);
  await fn();
  console.log(`setup:   done in ${((Date.now() - start) / 1000).toFixed(1)}s`);
}

const npm = (cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  runOrThrow('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, capture: true, echoCaptured: false });

function forceSymlink(target: string, linkPath: string): void {
  fs.rmSync(linkPath, { force: true, recursive: false });
  fs.symlinkSync(target, linkPath);
}

// code-server writes a default config under XDG_CONFIG_HOME on any run; keep it out of ~.
const codeServerHomeEnv = () => ({
  XDG_CONFIG_HOME: path.join(codeServerToolDir, 'xdg-config'),
  XDG_DATA_HOME: path.join(codeServerToolDir, 'xdg-data'),
});

async function codeServerVersion(): Promise<string> {
  const out = await runOrThrow(process.execPath, [codeServerEntry, '--version'], {
    capture: true,
    env: { ...process.env, ...codeServerHomeEnv() },
  });
  const line = out.split('\n').find((l) => l.includes('with Code'));
  return (line ?? out).trim();
}

async function installCodeServer(): Promise<void> {
  fs.mkdirSync(codeServerToolDir, { recursive: true });
  const manifest = path.join(codeServerToolDir, 'package.json');
  if (!fs.existsSync(manifest)) {
    fs.writeFileSync(manifest, JSON.stringify({ name: 'fse-tools-code-server', private: true }, null, 2) + '\n');
  }
  // Its postinstall would download ripgrep from GitHub and refuse root; we do its work by hand below.
  await step(`npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts (into ${path.relative(process.cwd(), codeServerToolDir)})`, () =>
    npm(codeServerToolDir, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts']),
  );
  await step('npm install --omit=dev --ignore-scripts in lib/vscode (the VS Code server deps)', () =>
    npm(vscodeDir, ['install', '--omit=dev', '--ignore-scripts']),
  );
  await step('copy /usr/bin/rg into @vscode/ripgrep', async () => {
    const bin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.copyFileSync('/usr/bin/rg', path.join(bin, 'rg'));
    fs.chmodSync(path.join(bin, 'rg'), 0o755);
  });
  // node-pty's install script runs `npx node-gyp`, which must not stop to ask.
  await step('npm rebuild kerberos node-pty @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog', () =>
    npm(vscodeDir, ['rebuild', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'native-watchdog'], {
      ...process.env,
      npm_config_yes: 'true',
    }),
  );
  await step('symlinks node_modules.asar, remote-cli/code-server, helpers/browser.sh', async () => {
    forceSymlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    forceSymlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    forceSymlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  });
  await step('npm install --omit=dev --ignore-scripts in lib/vscode/extensions (built-in extensions)', () =>
    npm(path.join(vscodeDir, 'extensions'), ['install', '--omit=dev', '--ignore-scripts']),
  );
  // The prebuilt argon2 download fails offline; it builds from source. npm hoists argon2 next to
  // code-server, so rebuild from the tool folder's root (rebuild matches it at any depth).
  await step('npm rebuild argon2 (from source)', () => npm(codeServerToolDir, ['rebuild', 'argon2']));
}

/** Installs what is missing; a no-op (about 0.1 s) when the stamp says all is there. */
export async function setupVscode(): Promise<void> {
  const start = Date.now();
  await ensureAptPackages();

  const stamp = readStamp();
  if (stamp && stamp.codeServer === wantedStamp.codeServer && stamp.nodeAbi === wantedStamp.nodeAbi && fs.existsSync(codeServerEntry)) {
    console.log(`setup: code-server already installed (${stamp.versionLine}); stamp ${path.relative(process.cwd(), setupStampFile)}`);
    console.log(`setup: nothing to do (${((Date.now() - start) / 1000).toFixed(1)}s)`);
    return;
  }

  fs.rmSync(setupStampFile, { force: true });
  await installCodeServer();

  const versionLine = await codeServerVersion();
  console.log(`setup: ${versionLine}`);
  if (!versionLine.includes(`Code ${VSCODE_VERSION}`)) {
    throw new Error(`expected code-server --version to mention "Code ${VSCODE_VERSION}", got: ${versionLine}`);
  }
  const newStamp: Stamp = { ...wantedStamp, versionLine };
  fs.writeFileSync(setupStampFile, JSON.stringify(newStamp, null, 2) + '\n');
  console.log(`setup: VS Code ${VSCODE_VERSION} ready in ${((Date.now() - start) / 1000).toFixed(1)}s`);
}
