// `npm run demo`: the extension in real VS Code against the local sandbox, no AWS account needed.
// Builds, installs VS Code (first run only), starts the sandbox (demo seed, state kept in
// .demo/sandbox-state.json), writes .demo/aws/{config,credentials} with one profile per sandbox
// account, starts code-server with the extension installed and prints the URL. Ctrl+C stops it all.
//
// Flags: --port N (code-server, default 8080; a free one if taken), --sandbox-port N (default 4567,
// same fallback), --fresh (forget the sandbox state: start again from the demo seed).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox';
import { SANDBOX_PROFILES, sandboxProcessEnv, writeAwsConfig } from './lib/aws-config';
import { buildExtension } from './lib/build';
import { startCodeServer } from './lib/code-server';
import { repoRoot } from './lib/paths';
import { pickPort } from './lib/ports';
import { isShuttingDown, onCleanup, runMain } from './lib/processes';
import { writeSampleWorkspace } from './lib/sample-workspace';
import { setupVscode } from './lib/setup';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      'sandbox-port': { type: 'string', default: '4567' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const demoDir = path.join(repoRoot, '.demo');
  fs.mkdirSync(demoDir, { recursive: true });

  await buildExtension();
  await setupVscode();

  const statePath = path.join(demoDir, 'sandbox-state.json');
  if (values.fresh) fs.rmSync(statePath, { force: true });
  const sandbox = await startSandbox({ port: await pickPort(Number(values['sandbox-port'])), seed: 'demo', statePath });
  onCleanup(() => sandbox.stop());

  const awsEnv = writeAwsConfig(path.join(demoDir, 'aws'), sandbox.url);
  const workspace = writeSampleWorkspace(path.join(demoDir, 'workspace'));
  const wantedPort = Number(values.port);
  const port = await pickPort(wantedPort);
  const codeServer = await startCodeServer({
    port,
    extensionDir: path.join(demoDir, 'extensions'),
    userDataDir: path.join(demoDir, 'user-data'),
    env: sandboxProcessEnv(awsEnv, sandbox.url),
    folder: workspace,
    logFile: path.join(demoDir, 'code-server.log'),
    // The extension's own setting: show the sandbox profiles in account order.
    settings: { 'featureStoreExplorer.profiles': SANDBOX_PROFILES.map((p) => p.name) },
  });

  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  console.log(`
Feature Store Explorer demo is running.${port !== wantedPort ? `  (port ${wantedPort} was taken)` : ''}

  Open ${codeServer.workbenchUrl}

  Sandbox (local AWS: RAM, SageMaker, Feature Store runtime, STS): ${sandbox.url}
    state: ${rel(statePath)}   (npm run demo -- --fresh starts from the demo seed again)
  AWS profiles (${rel(awsEnv.AWS_CONFIG_FILE)}, ${rel(awsEnv.AWS_SHARED_CREDENTIALS_FILE)}):
${SANDBOX_PROFILES.map((p) => `    ${p.name.padEnd(10)} account ${p.accountId}  ${p.note}`).join('\n')}
  Try the AWS CLI against it:
    AWS_CONFIG_FILE=${rel(awsEnv.AWS_CONFIG_FILE)} AWS_SHARED_CREDENTIALS_FILE=${rel(awsEnv.AWS_SHARED_CREDENTIALS_FILE)} \\
      aws --profile marketing sagemaker list-feature-groups
  code-server log: ${rel(codeServer.logFile)}

Press Ctrl+C to stop.`);

  // Runs until Ctrl+C (the cleanup handlers stop code-server and the sandbox), or until
  // code-server dies on its own.
  const exit = await codeServer.process.exited;
  if (isShuttingDown()) return 0;
  console.error(`code-server exited unexpectedly (${String(exit)}); see ${rel(codeServer.logFile)}`);
  return 1;
}

runMain(main);
