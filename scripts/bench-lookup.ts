// npm run bench:lookup -- [--references 500] [--latency-ms 20] [--hovers 50]
// The inline lookup on a big document: generates a Python file with N feature-group references
// (names, ARNs, FeatureGroup(...), constants, literal record ids, unknown names), then measures with
// the extension's own scanner, directory and resolver against the demo sandbox (every AWS call
// delayed by --latency-ms) and a ClientPool logger counting calls:
//   scan         the pure scan of the text (what every CodeLens request starts with);
//   cold lenses  every reference's CodeLens (resolve + describe) at once, nothing cached;
//   warm lenses  the same after an edit (rescan + every lens again): served from the caches;
//   hovers       --hovers hovers on references with literal record ids (GetRecord per distinct id).
// A benchmark, not a test: it prints figures (the issue's expectation is one describe per group).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { featureGroupArn } from '../src/aws/arn';
import { FeatureStoreCatalog } from '../src/aws/catalog';
import { ClientPool, type AwsCallLogEntry } from '../src/aws/clients';
import { loadProfiles } from '../src/aws/profiles';
import { RecordService } from '../src/aws/records';
import { GroupDirectory } from '../src/lookup/directory';
import { lensTitle } from '../src/lookup/render';
import { definitionOf, lookUpRecord, resolveReference } from '../src/lookup/resolver';
import { scanReferences, type FeatureGroupReference } from '../src/lookup/scanner';
import { servicesSource, type LookupProfile } from '../src/lookup/source';
import { SANDBOX_REGION, writeAwsConfig } from './lib/aws-config';

interface Options {
  references: number;
  latencyMs: number;
  hovers: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { references: 500, latencyMs: 20, hovers: 50 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const n = Number(value);
    if (flag === '--references' && Number.isInteger(n) && n > 0) opts.references = n;
    else if (flag === '--latency-ms' && n >= 0) opts.latencyMs = n;
    else if (flag === '--hovers' && Number.isInteger(n) && n >= 0) opts.hovers = n;
    else throw new Error(`bad option ${flag} ${value ?? ''}\nusage: npm run bench:lookup -- [--references 500] [--latency-ms 20] [--hovers 50]`);
  }
  return opts;
}

const ANALYTICS = '111111111111';
const CUSTOMER_ARN = featureGroupArn(SANDBOX_REGION, ANALYTICS, 'customer-profile');
const PRODUCT_ARN = featureGroupArn(SANDBOX_REGION, ANALYTICS, 'product-catalog');

/** One function per reference, cycling through the shapes data scientists write. */
function benchDocument(references: number): string {
  const shapes = [
    (i: number) => `    return runtime.get_record(FeatureGroupName="customer-profile", RecordIdentifierValueAsString="c-100${(i % 5) + 1}")`,
    (i: number) => `    return runtime.get_record(FeatureGroupName="transactions", RecordIdentifierValueAsString="t-50${String((i % 10) + 1).padStart(2, '0')}")`,
    () => `    return FeatureGroup(name="product-catalog", sagemaker_session=session)`,
    () => `    return runtime.get_record(FeatureGroupName=CUSTOMER_ARN, RecordIdentifierValueAsString=customer_id)`,
    (i: number) => `    return runtime.batch_get_record(Identifiers=[{"FeatureGroupName": "${PRODUCT_ARN}", "RecordIdentifiersValueAsString": ["p-${(i % 3) + 1}"]}])`,
    () => `    return runtime.describe_feature_group(FeatureGroupName="campaign-responses")`,
    () => `    return runtime.get_record(FeatureGroupName="churn-scores", RecordIdentifierValueAsString=customer_id, FeatureNames=["churn_probability"])`,
    () => `    return runtime.get_record(FeatureGroupName="no-such-group", RecordIdentifierValueAsString="x-1")  # a typo`,
  ];
  const lines = ['"""Generated: many feature-group references."""', 'import boto3', '', `CUSTOMER_ARN = "${CUSTOMER_ARN}"`, 'runtime = boto3.client("sagemaker-featurestore-runtime")', ''];
  // The constant's definition is a reference of its own: one fewer call site.
  for (let i = 0; i < references - 1; i++) {
    lines.push('', `def read_${i}(customer_id, session):`, `    # reference ${i + 1}`, shapes[i % shapes.length](i));
  }
  return lines.join('\n') + '\n';
}

function countBy(log: AwsCallLogEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of log) out.set(e.operation, (out.get(e.operation) ?? 0) + 1);
  return out;
}

function formatCalls(log: AwsCallLogEntry[]): string {
  if (log.length === 0) return '0';
  return `${log.length} (${[...countBy(log)].sort(([a], [b]) => a.localeCompare(b)).map(([op, n]) => `${op} ${n}`).join(', ')})`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({ seed: 'demo', latencyMs: opts.latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'fse-bench-lookup-'));
  try {
    const env = writeAwsConfig(dir, sandbox.url);
    const profiles: LookupProfile[] = (await loadProfiles({ env: { ...env, HOME: dir }, ignoreCache: true })).map((profile) => ({
      name: profile.name,
      context: { profile, region: profile.region ?? SANDBOX_REGION },
    }));
    const log: AwsCallLogEntry[] = [];
    const pool = new ClientPool({ logger: (e) => log.push(e) });
    const services = { catalog: new FeatureStoreCatalog(pool), records: new RecordService(pool) };
    const directory = new GroupDirectory(servicesSource(() => services, async () => profiles));

    const text = benchDocument(opts.references);
    const lensesOf = async (refs: FeatureGroupReference[]) =>
      Promise.all(
        refs.map(async (ref) => {
          const resolution = await resolveReference(directory, ref.target);
          const definition = resolution.reach.length ? await definitionOf(directory, resolution) : undefined;
          return lensTitle(resolution, definition);
        }),
      );

    const rows: [string, string, string][] = [];
    let t0 = performance.now();
    const refs = scanReferences(text, 'python');
    rows.push(['scan', `${(performance.now() - t0).toFixed(1)} ms`, '0']);
    const distinctGroups = new Set(refs.map((r) => r.target.replace(/^arn:.*:feature-group\//, ''))).size;

    log.length = 0;
    t0 = performance.now();
    const titles = await lensesOf(refs);
    rows.push([`cold lenses (${refs.length})`, `${(performance.now() - t0).toFixed(1)} ms`, formatCalls(log)]);
    const coldLog = [...log];

    log.length = 0;
    t0 = performance.now();
    const edited = text.replace('# reference 1\n', '# reference 1 (edited)\n');
    await lensesOf(scanReferences(edited, 'python'));
    rows.push([`warm lenses after an edit (${refs.length})`, `${(performance.now() - t0).toFixed(1)} ms`, formatCalls(log)]);

    log.length = 0;
    const withIds = refs.filter((r) => r.recordIds.length > 0).slice(0, opts.hovers);
    t0 = performance.now();
    await Promise.all(
      withIds.map(async (ref) => {
        const resolution = await resolveReference(directory, ref.target);
        return Promise.all(ref.recordIds.map((id) => lookUpRecord(directory, resolution, id.value)));
      }),
    );
    const distinctIds = new Set(withIds.flatMap((r) => r.recordIds.map((id) => `${r.target}/${id.value}`))).size;
    rows.push([`hovers with record ids (${withIds.length}, ${distinctIds} distinct ids)`, `${(performance.now() - t0).toFixed(1)} ms`, formatCalls(log)]);

    // Single long lines (generated or minified code): the scan must stay linear in their length.
    for (const [label, line] of [['x = "s"; ', 'x = "s"; '.repeat(50_000)], ['a=b ', 'a=b '.repeat(100_000)], ['( then ]', `${'('.repeat(50_000)}${']'.repeat(50_000)}`]]) {
      t0 = performance.now();
      scanReferences(line, 'python');
      rows.push([`scan one ${Math.round(line.length / 1000)} KB line of '${label}'`, `${(performance.now() - t0).toFixed(1)} ms`, '0']);
    }

    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`lookup bench: ${text.split('\n').length} lines, ${refs.length} references to ${distinctGroups} distinct groups, 3 profiles, sandbox latency ${opts.latencyMs} ms per call\n`);
    console.log(`${'phase'.padEnd(width)}  ${'time'.padStart(10)}  AWS calls`);
    for (const [phase, time, calls] of rows) console.log(`${phase.padEnd(width)}  ${time.padStart(10)}  ${calls}`);
    const describes = coldLog.filter((e) => e.operation === 'DescribeFeatureGroup').length;
    const readable = titles.filter((t) => t.includes(' · record id ')).length;
    console.log(`\nDescribeFeatureGroup: ${describes} calls for ${refs.length} references (${readable} of them to readable groups).`);
    console.log(`sample lens: ${titles[0]}`);
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
