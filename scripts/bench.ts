// npm run bench -- [--latency-ms 40] [--runs 5] [--naive-profiles 3] [--out bench-results]
// Starts a sandbox with a fixed latency per AWS call, seeds 3 profiles × (1,000 owned groups,
// 300 shared groups, 20 pending invitations) through the AWS APIs, and measures what the sidebar
// costs through the extension's own src/aws services, next to the physical limit (the longest chain
// of sequential page calls × latency). Also: first page, a naive load for contrast, AWS call counts,
// the production bundle's size and activation time. Prints one table, writes it as JSON.
// This is a benchmark, not a test: it prints figures and marks the issue's targets PASS/FAIL.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCallLogEntry } from '../src/aws/clients';
import { ClientPool } from '../src/aws/clients';
import type { AccountContext } from '../src/aws/model';
import { loadProfiles } from '../src/aws/profiles';
import { BENCH_PROFILES, SHAPE, SHARED_PER_PROFILE, benchAwsConfig } from './bench/accounts';
import { buildProductionBundle, measureActivation, removeBundle, type ActivationFigures } from './bench/bundle';
import { loadTreeNaively } from './bench/naiveTree';
import { measureShapes } from './bench/physicalLimit';
import { bytes, formatTable, median, ms, spread, type Row } from './bench/report';
import { startSandboxProcess, type SandboxProcess } from './bench/sandboxProcess';
import { GROUP_QUOTA, cloneGroupsBeyondQuota, createGroupsWithinQuota, shareAndAccept } from './bench/seed';
import { countCalls, freshServices, loadFullTree, timeFirstOwnedPage, type ProfileTree } from './bench/treeLoads';

const ROOT = join(import.meta.dirname, '..');

interface Options {
  latencyMs: number;
  runs: number;
  naiveProfiles: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { latencyMs: 40, runs: 5, naiveProfiles: BENCH_PROFILES.length, out: join(ROOT, 'bench-results') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const n = Number(value);
    if (flag === '--latency-ms' && n >= 0) opts.latencyMs = n;
    else if (flag === '--runs' && Number.isInteger(n) && n >= 1) opts.runs = n;
    else if (flag === '--naive-profiles' && Number.isInteger(n) && n >= 0 && n <= BENCH_PROFILES.length) opts.naiveProfiles = n;
    else if (flag === '--out' && value) opts.out = value;
    else throw new Error(`bad option ${flag} ${value ?? ''}\nusage: npm run bench -- [--latency-ms 40] [--runs 5] [--naive-profiles 0..3] [--out DIR]`);
  }
  return opts;
}

/** The bench profiles, pointing at the sandbox, become this process's (and its children's) AWS config. */
async function useBenchProfiles(dir: string, sandboxUrl: string): Promise<void> {
  await writeFile(join(dir, 'config'), benchAwsConfig(sandboxUrl));
  await writeFile(join(dir, 'credentials'), '');
  // The extension host would carry these; SDK settings other than keys and endpoints are read from them.
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' });
}

function callsByOperation(log: AwsCallLogEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of log) out[e.operation] = (out[e.operation] ?? 0) + 1;
  return out;
}

function describeCalls(counts: Record<string, number>): string {
  return Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([op, n]) => `${op} ${n}`).join(', ') || 'none';
}

function checkTree(tree: ProfileTree[]): void {
  for (const p of tree) {
    if (p.owned !== SHAPE.owned || p.shared !== SHARED_PER_PROFILE || p.pendingInvitations < SHAPE.pendingInvitations - 1) {
      throw new Error(`the tree of ${p.profile} is not what was seeded: ${JSON.stringify(p)}`);
    }
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();
  // Other work on the machine slows every figure: the load average is printed with them.
  const loadAtStart = loadavg()[0];
  console.log(`Feature Store Explorer benchmark: ${opts.latencyMs} ms per AWS call, ${opts.runs} runs per figure.`);

  console.log('Building the production bundle…');
  const bundle = await buildProductionBundle(ROOT);

  const awsDir = await mkdtemp(join(tmpdir(), 'fse-bench-aws-'));
  let sandbox: SandboxProcess | undefined;
  // Ctrl-C must not leave the sandbox process behind.
  process.once('SIGINT', () => {
    void (sandbox?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    sandbox = await startSandboxProcess(ROOT);
    await useBenchProfiles(awsDir, sandbox.url);

    // First, while nothing else of the benchmark runs: activation must not call AWS even with
    // profiles configured and their endpoint reachable.
    console.log('Measuring activation of the production bundle…');
    const activations: ActivationFigures[] = [];
    for (let i = 0; i < Math.max(opts.runs, 7); i++) activations.push(await measureActivation(ROOT, join(bundle.dir, 'extension.js'), process.env));
    const activationError = activations.find((a) => a.error)?.error;

    console.log('Seeding at latency 0…');
    const t0 = performance.now();
    const created = await createGroupsWithinQuota(sandbox.url);
    const state = (await sandbox.dumpState()) as Parameters<typeof cloneGroupsBeyondQuota>[0];
    await sandbox.stop();
    const cloned = cloneGroupsBeyondQuota(state);
    await writeFile(join(awsDir, 'sandbox-state.json'), JSON.stringify(state));
    sandbox = await startSandboxProcess(ROOT, join(awsDir, 'sandbox-state.json'));
    const shared = await shareAndAccept(sandbox.url);
    const seeded = { groupsCreated: created, groupsCopiedBeyondQuota: cloned, ...shared };
    console.log(`  ${created} groups created through the API (+${cloned} copies beyond the sandbox's quota of ${GROUP_QUOTA} per account), ${shared.shares} resource shares, ${shared.accepted} invitations accepted, in ${ms(performance.now() - t0)}`);
    await useBenchProfiles(awsDir, sandbox.url);
    const shapes = await measureShapes(sandbox.url);
    const longest = shapes.reduce((a, b) => (b.chain > a.chain ? b : a));
    const limitMs = longest.chain * opts.latencyMs;
    const floorTrips = Math.max(...shapes.map((s) => s.bothEndsChain));
    const floorMs = floorTrips * opts.latencyMs;

    const profiles = (await loadProfiles({ ignoreCache: true })).filter((p) => BENCH_PROFILES.some((b) => b.name === p.name));
    const contexts: AccountContext[] = profiles.map((p) => ({ profile: p, region: p.region! }));
    await sandbox.setLatency(opts.latencyMs);
    console.log(`Latency set to ${opts.latencyMs} ms. Measuring…`);

    // One untimed load warms the JIT and the sockets' code paths, not any cache (every run has fresh services).
    const warm = freshServices();
    checkTree(await loadFullTree(warm.services, contexts));
    warm.services.pool.dispose();

    const firstPage: { firstMs: number; firstCount: number; allMs: number }[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const s = freshServices();
      firstPage.push(await timeFirstOwnedPage(s.services, contexts[0]));
      s.services.pool.dispose();
    }

    const treeMs: number[] = [];
    const treeCalls: number[] = [];
    let treeOps: Record<string, number> = {};
    let last = freshServices();
    for (let i = 0; i < opts.runs; i++) {
      if (i > 0) last.services.pool.dispose();
      last = freshServices();
      const t = performance.now();
      checkTree(await loadFullTree(last.services, contexts));
      treeMs.push(performance.now() - t);
      treeCalls.push(last.log.length);
      treeOps = callsByOperation(last.log);
    }

    // The same services again within the cache lifetime: what re-opening the tree, a lookup or the inspector costs.
    last.log.length = 0;
    let t = performance.now();
    await loadFullTree(last.services, contexts);
    const cachedMs = performance.now() - t;
    const cachedCalls = last.log.length;

    // A tree update after accepting an invitation: only what the answer changed is fetched again.
    const ctxA = contexts[0];
    const invitations = await last.services.sharing.listInvitations(ctxA);
    const pending = invitations.find((i) => i.status === 'PENDING');
    last.log.length = 0;
    t = performance.now();
    if (pending) await last.services.sharing.acceptInvitation(ctxA, pending.arn);
    const afterAccept = await loadFullTree(last.services, contexts);
    const updateMs = performance.now() - t;
    const updateOps = callsByOperation(last.log);
    const updateCalls = last.log.length;
    const sharedAfter = afterAccept[0].shared;
    last.services.pool.dispose();

    let naive: { ms: number; calls: number; profiles: number; ops: Record<string, number> } | undefined;
    if (opts.naiveProfiles > 0) {
      console.log(`Naive load of ${opts.naiveProfiles} profile(s), one call at a time (minutes)…`);
      const log: AwsCallLogEntry[] = [];
      // No response cache: the naive load repeats every call it makes, as code without one would.
      const pool = new ClientPool({ logger: countCalls(log), requestTimeoutMs: 30_000, cacheTtlMs: 0 });
      t = performance.now();
      const totals = await loadTreeNaively(pool, contexts.slice(0, opts.naiveProfiles));
      naive = { ms: performance.now() - t, calls: log.length, profiles: opts.naiveProfiles, ops: callsByOperation(log) };
      pool.dispose();
      if (totals.owned !== SHAPE.owned * opts.naiveProfiles) throw new Error(`the naive load saw ${totals.owned} owned groups`);
    }

    // ---- figures ----
    const fullMs = median(treeMs);
    const ratio = fullMs / limitMs;
    const firstMs = median(firstPage.map((f) => f.firstMs));
    const naiveFullMs = naive ? (naive.ms * BENCH_PROFILES.length) / naive.profiles : undefined;
    const speedup = naiveFullMs ? naiveFullMs / fullMs : undefined;
    const activationMs = median(activations.map((a) => a.totalMs));
    const activationRequests = Math.max(...activations.map((a) => a.httpRequests + a.sockets));
    const limitMb = 1.5 * 1024 * 1024;
    const s0 = shapes[0];
    const peerShared = SHAPE.peerShared.reduce((a, b) => a + b, 0);
    const rows: Row[] = [
      {
        measure: 'Data per profile',
        value: `${s0.owned.items} owned; ${s0.discoverable.items + peerShared} shared (ListResources ${s0.ramResources.items} resources in ${SHAPE.producerShared.length + SHAPE.peerShared.length} shares + a catalog share, Search ${s0.discoverable.items}); ${s0.invitations.items} invitations, ${s0.invitations.pending} pending`,
      },
      { measure: 'Full tree, 3 profiles', value: spread(treeMs) },
      { measure: 'Physical limit', value: `${ms(limitMs)} = ${longest.chain} sequential pages (${longest.chainList}) × ${opts.latencyMs} ms` },
      { measure: 'Full tree / physical limit', value: ratio.toFixed(2), target: '≤ 1.3', pass: ratio <= 1.3 },
      { measure: 'Floor with both-ends paging', value: `${ms(floorMs)} = ${floorTrips} round trips (ListFeatureGroups read from both ends); full tree / floor ${(fullMs / floorMs).toFixed(2)}` },
      { measure: 'First page of Owned (100 rows)', value: `${spread(firstPage.map((f) => f.firstMs))}; all ${s0.owned.items} in ${ms(median(firstPage.map((f) => f.allMs)))}`, target: `≤ ${ms(opts.latencyMs + 50)}`, pass: firstMs <= opts.latencyMs + 50 },
      naive
        ? { measure: 'Naive full tree', value: `${ms(naiveFullMs!)}${naive.profiles < BENCH_PROFILES.length ? ` (${naive.profiles} profile(s) measured × ${BENCH_PROFILES.length / naive.profiles})` : ''}, ${Math.round((naive.calls * BENCH_PROFILES.length) / naive.profiles)} calls` }
        : { measure: 'Naive full tree', value: 'skipped (--naive-profiles 0)' },
      { measure: 'Speed-up over naive', value: speedup ? `${Math.round(speedup)}×` : '-', target: '≥ 20×', pass: speedup === undefined ? undefined : speedup >= 20 },
      { measure: 'AWS calls, full tree', value: `${median(treeCalls)}: ${describeCalls(treeOps)}` },
      { measure: 'Tree again within 30 s (cache)', value: `${ms(cachedMs)}, ${cachedCalls} calls` },
      { measure: 'Accept an invitation, tree again', value: `${ms(updateMs)}, ${updateCalls} calls: ${describeCalls(updateOps)}; shared now ${sharedAfter}` },
      { measure: 'Bundle dist/extension.js (minified)', value: `${bytes(bundle.extensionBytes)} (${bundle.topInputs.slice(0, 3).map((i) => `${i.name} ${bytes(i.bytes)}`).join(', ')})`, target: '≤ 1.5 MB', pass: bundle.extensionBytes <= limitMb },
      { measure: 'Activation (require + activate)', value: activationError ? `failed: ${activationError.split('\n')[0]}` : `${spread(activations.map((a) => a.totalMs))}; activate() alone ${ms(median(activations.map((a) => a.activateMs)))}`, target: '≤ 100 ms', pass: !activationError && activationMs <= 100 },
      { measure: 'AWS calls during activation', value: String(activationRequests), target: '0', pass: activationRequests === 0 },
    ];
    const load = loadavg()[0];
    const table = formatTable(`Feature Store Explorer benchmark, ${started.toISOString()} (Node ${process.version}, ${cpus().length} CPUs, load ${loadAtStart.toFixed(1)}→${load.toFixed(1)}, latency ${opts.latencyMs} ms/call)`, rows);
    console.log(`\n${table}\n`);

    await mkdir(opts.out, { recursive: true });
    const file = join(opts.out, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    const json = {
      date: started.toISOString(),
      node: process.version,
      cpus: cpus().length,
      options: { latencyMs: opts.latencyMs, runs: opts.runs, naiveProfiles: opts.naiveProfiles },
      seeded,
      shapes,
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
      physicalLimit: { ms: limitMs, pages: longest.chain, list: longest.chainList, profile: longest.profile },
      bothEndsFloor: { ms: floorMs, roundTrips: floorTrips },
      fullTree: { ms: treeMs, medianMs: fullMs, ratio, calls: treeCalls, callsByOperation: treeOps },
      firstPage: { runs: firstPage, medianMs: firstMs },
      cachedTree: { ms: cachedMs, calls: cachedCalls },
      acceptInvitationUpdate: { ms: updateMs, calls: updateCalls, callsByOperation: updateOps, sharedAfter },
      naive: naive && { ...naive, fullTreeMs: naiveFullMs, speedup },
      bundle: { extensionBytes: bundle.extensionBytes, webviewBytes: bundle.webviewBytes, topInputs: bundle.topInputs },
      activation: { runs: activations, medianTotalMs: activationMs },
      table: rows,
    };
    await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
    await writeFile(join(opts.out, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
    console.log(`Written to ${file} (and latest.json).`);
    if (rows.some((r) => r.pass === false)) process.exitCode = 1;
  } finally {
    await sandbox?.stop();
    await removeBundle(bundle);
    await rm(awsDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
