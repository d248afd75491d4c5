// Throughput of the sandbox: GetRecord/s and PutRecord/s from concurrent clients.
// The sandbox runs in its own process (as `npm run sandbox` would). Two clients are measured:
// - `raw`: keep-alive node:http sending exactly the requests the SDK sends (same paths,
//   query, JSON body, SigV4-shaped Authorization header) — what the sandbox itself sustains;
// - `sdk`: the real SageMakerFeatureStoreRuntimeClient — end to end, usually bound by the
//   client's own CPU (signing, middleware), not by the sandbox.
// Usage: npm run bench:sandbox -- [--seconds N] [--concurrency N] [--client raw|sdk|both] [--url URL]
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { GetRecordCommand, PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';

interface Options { seconds: number; concurrency: number; client: 'raw' | 'sdk' | 'both'; url?: string }

function parseArgs(argv: string[]): Options {
  const opts: Options = { seconds: 5, concurrency: 64, client: 'both' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--seconds') opts.seconds = Number(value);
    else if (flag === '--concurrency') opts.concurrency = Number(value);
    else if (flag === '--url') opts.url = value;
    else if (flag === '--client' && (value === 'raw' || value === 'sdk' || value === 'both')) opts.client = value;
    else throw new Error(`unknown option ${flag}`);
  }
  return opts;
}

/** Starts `sandbox/cli.ts` on a free port and resolves with its URL once it prints it. */
function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
  const root = join(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sandbox', 'cli.ts'), '--port', '0', '--seed', 'demo'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Sandbox listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

interface Result { count: number; errors: number; seconds: number; latencies: number[] }

async function run(seconds: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<Result> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let count = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    for (let i = worker; performance.now() < deadline; i += concurrency) {
      const t0 = performance.now();
      try {
        await call(i);
        count++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  }));
  return { count, errors, seconds: (performance.now() - started) / 1000, latencies };
}

function report(name: string, r: Result): void {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(2);
  console.log(`${name.padEnd(14)} ${(r.count / r.seconds).toFixed(0).padStart(7)} req/s  (${r.count} ok, ${r.errors} errors in ${r.seconds.toFixed(1)} s; p50 ${pct(50)} ms, p99 ${pct(99)} ms)`);
}

const IDS = ['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005'];

function putRecordBody(i: number) {
  return {
    Record: [
      { FeatureName: 'customer_id', ValueAsString: `bench-${i % 1000}` },
      { FeatureName: 'event_time', ValueAsString: new Date().toISOString() },
      { FeatureName: 'age', ValueAsString: String(20 + (i % 50)) },
      { FeatureName: 'segment', ValueAsString: 'bench' },
    ],
  };
}

type Call = (i: number) => Promise<unknown>;

function sdkCalls(url: string, agent: Agent): { get: Call; put: Call; close(): void } {
  const client = new SageMakerFeatureStoreRuntimeClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: '111111111111', secretAccessKey: 'sandbox' },
    maxAttempts: 1,
    requestHandler: { httpAgent: agent },
  });
  return {
    get: (i) => client.send(new GetRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: IDS[i % IDS.length] })),
    put: (i) => client.send(new PutRecordCommand({ FeatureGroupName: 'customer-profile', ...putRecordBody(i) })),
    close: () => client.destroy(),
  };
}

function rawCalls(url: string, agent: Agent): { get: Call; put: Call; close(): void } {
  const { hostname, port } = new URL(url);
  const authorization = `AWS4-HMAC-SHA256 Credential=111111111111/20261203/us-east-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
  const send = (method: string, path: string, body?: string) => new Promise<void>((resolve, reject) => {
    const headers: Record<string, string> = { authorization, 'x-amz-date': '20261203T000000Z' };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    const req = request({ hostname, port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  return {
    get: (i) => send('GET', `/FeatureGroup/customer-profile?RecordIdentifierValueAsString=${IDS[i % IDS.length]}`),
    put: (i) => send('PUT', '/FeatureGroup/customer-profile', JSON.stringify(putRecordBody(i))),
    close: () => agent.destroy(),
  };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = opts.url ? undefined : await startSandboxProcess();
  const url = opts.url ?? started!.url;
  console.log(`Sandbox ${url}; ${opts.concurrency} concurrent requests; ${opts.seconds} s per operation`);
  for (const kind of opts.client === 'both' ? ['raw', 'sdk'] : [opts.client]) {
    const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
    const calls = kind === 'raw' ? rawCalls(url, agent) : sdkCalls(url, agent);
    await run(1, opts.concurrency, calls.get); // warm-up: sockets, JIT
    report(`GetRecord ${kind}`, await run(opts.seconds, opts.concurrency, calls.get));
    report(`PutRecord ${kind}`, await run(opts.seconds, opts.concurrency, calls.put));
    calls.close();
  }
  started?.child.kill('SIGTERM');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
