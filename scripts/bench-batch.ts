// `npm run bench:batch`: how long a 1,000-id batch lookup takes through RecordService.batchGet
// (BatchGetRecord, 100 ids per call, calls in parallel) against the sandbox with 50 ms of latency
// per call, next to 1,000 sequential GetRecord calls. Prints figures; asserts nothing.
//   npm run bench:batch -- [--ids 1000] [--latency-ms 50]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox';
import { mapLimit } from '../src/aws/call';
import { FeatureStoreCatalog } from '../src/aws/catalog';
import { ClientPool } from '../src/aws/clients';
import { loadProfiles } from '../src/aws/profiles';
import { RecordService } from '../src/aws/records';

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { ids: { type: 'string', default: '1000' }, 'latency-ms': { type: 'string', default: '50' } } });
  const count = Number(args.ids);
  const latencyMs = Number(args['latency-ms']);
  const sandbox = await startSandbox({ seed: 'demo' });
  const dir = await mkdtemp(join(tmpdir(), 'fsx-bench-batch-'));
  const pool = new ClientPool();
  try {
    await writeFile(join(dir, 'config'), `[profile analytics]\naws_access_key_id = 111111111111\naws_secret_access_key = sandbox\nregion = us-east-1\nendpoint_url = ${sandbox.url}\n`);
    await writeFile(join(dir, 'credentials'), '');
    const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    const profile = (await loadProfiles({ env, ignoreCache: true })).find((p) => p.name === 'analytics')!;
    const ctx = { profile, region: 'us-east-1' };
    const records = new RecordService(pool);
    const group = await new FeatureStoreCatalog(pool).describe(ctx, 'customer-profile');

    // Seed without latency: `count` records b-0000… in customer-profile.
    const ids = Array.from({ length: count }, (_, i) => `b-${String(i).padStart(4, '0')}`);
    await mapLimit(ids, 16, (id) => records.put(ctx, group, { customer_id: id, event_time: '2025-01-01T00:00:00Z', age: String(20 + (id.length % 50)), segment: 'bench', preferred_channels: ['email'] }));

    const control = (body: unknown) => fetch(`${sandbox.url}/_sandbox/latency`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await control({ ms: latencyMs });
    // One warm-up call each, so connection set-up is not counted.
    await records.get(ctx, group, ids[0]);

    const batchStart = performance.now();
    const result = await records.batchGet(ctx, group, ids);
    const batchMs = performance.now() - batchStart;
    const found = result.rows.filter((r) => r.status === 'found').length;

    const seqStart = performance.now();
    let seqFound = 0;
    for (const id of ids) if (await records.get(ctx, group, id)) seqFound++;
    const seqMs = performance.now() - seqStart;

    const line = (label: string, ms: number, calls: number, ok: number) =>
      `${label.padEnd(42)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${String(calls).padStart(5)} calls   ${ok}/${count} found`;
    console.log(`Batch lookup of ${count} ids, sandbox latency ${latencyMs} ms per call (Node ${process.version}, 1 process)`);
    console.log(line('batchGet (BatchGetRecord x100, parallel)', batchMs, result.calls, found));
    console.log(line('sequential GetRecord', seqMs, count, seqFound));
    console.log(`speed-up: ${(seqMs / batchMs).toFixed(1)}x`);
  } finally {
    pool.dispose();
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
