// code-server (VS Code 1.100.3 server + web workbench) with the extension installed by symlink.
import fs from 'node:fs';
import path from 'node:path';
import { linkExtension } from './extension-link';
import { codeServerEntry, codeServerToolDir, repoRoot } from './paths';
import { freePort, waitForHttp } from './ports';
import { startProcess, type ManagedProcess } from './processes';
import { writeUserSettings } from './workbench-settings';

export interface CodeServerOptions {
  /** 0 or undefined: any free port. */
  port?: number;
  /** Extensions folder; the extension is symlinked into it. */
  extensionDir: string;
  userDataDir: string;
  /** Environment for code-server and so for the extension host (AWS_CONFIG_FILE, ...). */
  env?: NodeJS.ProcessEnv;
  /** Workspace folder to open. */
  folder: string;
  /** Extra user settings on top of the quiet-workbench ones. */
  settings?: Record<string, unknown>;
  /** Folder of the extension to install (default: this repo). */
  extensionPath?: string;
  /** Full server output goes here (default `<userDataDir>/code-server.log`). */
  logFile?: string;
  echo?: boolean;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The workbench URL opening `folder`. */
  workbenchUrl: string;
  logFile: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export function assertCodeServerInstalled(): void {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed in ${path.relative(repoRoot, codeServerToolDir)}: run \`npm run setup\` first`);
  }
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  assertCodeServerInstalled();
  const port = opts.port || (await freePort());
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  fs.mkdirSync(opts.folder, { recursive: true });
  linkExtension(opts.extensionDir, opts.extensionPath ?? repoRoot);
  writeUserSettings(opts.userDataDir, opts.settings);
  const logFile = opts.logFile ?? path.join(opts.userDataDir, 'code-server.log');

  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionDir,
    opts.folder,
  ];
  // code-server writes its own config.yaml under XDG_CONFIG_HOME; keep that out of ~.
  const env = {
    ...(opts.env ?? process.env),
    XDG_CONFIG_HOME: path.join(opts.userDataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(opts.userDataDir, 'xdg-data'),
  };
  const proc = startProcess('code-server', process.execPath, args, { env, logFile, echo: opts.echo });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(`${url}healthz`, { timeoutMs: 60_000, exited: proc.exited, what: `code-server (log: ${logFile})` });
  return {
    port,
    url,
    workbenchUrl: `${url}?folder=${encodeURIComponent(opts.folder).replaceAll('%2F', '/')}`,
    logFile,
    process: proc,
    stop: () => proc.stop(),
  };
}
