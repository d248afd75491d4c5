// The plain VS Code server (server-main.js) for extension-host test suites: the workbench opened
// with a `payload` naming extensionDevelopmentPath + extensionTestsPath runs the suite in the
// server's extension host (the @vscode/test-electron contract), see ../shared/docs/vscode-here.md.
import fs from 'node:fs';
import path from 'node:path';
import { assertCodeServerInstalled } from './code-server';
import { vscodeServerMain } from './paths';
import { freePort, waitForHttp } from './ports';
import { startProcess, type ManagedProcess } from './processes';

export interface VscodeServer {
  port: number;
  url: string;
  logFile: string;
  process: ManagedProcess;
  /** Workbench URL that loads `extensionPath` under development and runs the suite at `testsPath`. */
  testUrl(opts: { extensionPath: string; testsPath: string; folder: string }): string;
  stop(): Promise<void>;
}

export interface VscodeServerOptions {
  serverDataDir: string;
  /** Environment of the server and so of its extension hosts. */
  env?: NodeJS.ProcessEnv;
  port?: number;
  echo?: boolean;
  /** Every line the server prints (e.g. "Extension Host Process exited with code: 1"). */
  onLine?: (line: string) => void;
}

export async function startVscodeServer(opts: VscodeServerOptions): Promise<VscodeServer> {
  assertCodeServerInstalled();
  const port = opts.port || (await freePort());
  fs.mkdirSync(opts.serverDataDir, { recursive: true });
  const logFile = path.join(opts.serverDataDir, 'server.log');
  const proc = startProcess(
    'vscode-server',
    process.execPath,
    [
      vscodeServerMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--server-data-dir', opts.serverDataDir,
    ],
    { env: opts.env, logFile, echo: opts.echo, onLine: opts.onLine },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, { timeoutMs: 60_000, exited: proc.exited, what: `VS Code server (log: ${logFile})` });
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  return {
    port,
    url,
    logFile,
    process: proc,
    testUrl: ({ extensionPath, testsPath, folder }) => {
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', remote(extensionPath)],
        ['extensionTestsPath', remote(testsPath)],
      ]);
      return `${url}?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(payload)}`;
    },
    stop: () => proc.stop(),
  };
}
