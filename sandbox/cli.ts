// npm run sandbox -- [--port N] [--seed demo|empty] [--state FILE] [--latency-ms N]
import { startSandbox, type SandboxOptions } from './index';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run sandbox -- [--port N] [--seed demo|empty] [--state FILE] [--latency-ms N]`);
  process.exit(2);
}

function parseArgs(argv: string[]): SandboxOptions {
  const opts: SandboxOptions = { port: 4566 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') usage('Local AWS sandbox: RAM, SageMaker feature groups, Feature Store runtime, STS.');
    if (value === undefined) usage(`missing value for ${flag}`);
    i++;
    switch (flag) {
      case '--port':
        opts.port = Number(value);
        if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) usage(`bad port ${value}`);
        break;
      case '--seed':
        if (value !== 'demo' && value !== 'empty') usage(`bad seed ${value}`);
        opts.seed = value;
        break;
      case '--state':
        opts.statePath = value;
        break;
      case '--latency-ms':
        opts.latencyMs = Number(value);
        if (!Number.isFinite(opts.latencyMs) || opts.latencyMs < 0) usage(`bad latency ${value}`);
        break;
      default:
        usage(`unknown option ${flag}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
  console.log(`Sandbox listening on ${sandbox.url}`);
  const stop = () => {
    sandbox.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Sandbox failed to start: ${(err as Error).message}`);
  process.exit(1);
});
