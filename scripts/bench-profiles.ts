// npm run bench:profiles -- [--profiles 500] [--rounds 5] [--latency-ms 20]
// Many profiles: writes N static-key profiles (plus a role chain and an SSO profile per 50, as real
// files mix them) into temp AWS files pointed at the demo sandbox, then measures
//   read         loadProfiles (the SDK's own parser, fingerprints, chains), median of --rounds;
//   diff         one profile edited, re-read and diffed (what the config-file watcher does);
//   calls        AWS calls made by reading and diffing (must be 0: roots load with no call);
//   expand one   the first expansion of one profile (account id + the four listings), with the
//                sandbox delaying every call by --latency-ms, and the calls it made.
// A benchmark, not a test: it prints figures.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { FeatureStoreCatalog } from '../src/aws/catalog';
import { ClientPool, type AwsCallLogEntry } from '../src/aws/clients';
import { diffProfiles, loadProfiles } from '../src/aws/profiles';
import { SharingService } from '../src/aws/sharing';

interface Options {
  profiles: number;
  rounds: number;
  latencyMs: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { profiles: 500, rounds: 5, latencyMs: 20 };
  for (let i = 0; i < argv.length; i += 2) {
    const n = Number(argv[i + 1]);
    if (argv[i] === '--profiles' && Number.isInteger(n) && n > 0) opts.profiles = n;
    else if (argv[i] === '--rounds' && Number.isInteger(n) && n > 0) opts.rounds = n;
    else if (argv[i] === '--latency-ms' && n >= 0) opts.latencyMs = n;
    else throw new Error(`unknown option ${argv[i]} ${argv[i + 1] ?? ''}`);
  }
  return opts;
}

function files(count: number, url: string, editedKey = '111111111111'): { config: string; credentials: string } {
  const config: string[] = ['[sso-session corp]\nsso_start_url = https://corp.example.awsapps.com/start\nsso_region = us-east-1\n'];
  const credentials: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `p-${String(i).padStart(4, '0')}`;
    if (i % 50 === 1) config.push(`[profile ${name}]\nrole_arn = arn:aws:iam::222222222222:role/R\nsource_profile = p-0000\nregion = us-east-1\nendpoint_url = ${url}\n`);
    else if (i % 50 === 2) config.push(`[profile ${name}]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = R\nregion = us-east-1\nendpoint_url = ${url}\n`);
    else {
      config.push(`[profile ${name}]\nregion = us-east-1\nendpoint_url = ${url}\n`);
      credentials.push(`[${name}]\naws_access_key_id = ${i === count - 1 ? editedKey : '111111111111'}\naws_secret_access_key = sandbox\n`);
    }
  }
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({ seed: 'demo', latencyMs: opts.latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'fsx-bench-profiles-'));
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const calls: AwsCallLogEntry[] = [];
  const pool = new ClientPool({ logger: (e) => calls.push(e) });
  try {
    const { config, credentials } = files(opts.profiles, sandbox.url);
    await writeFile(env.AWS_CONFIG_FILE, config);
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE, credentials);

    const reads: number[] = [];
    let profiles = await loadProfiles({ env, ignoreCache: true });
    for (let r = 0; r < opts.rounds; r++) {
      const t0 = performance.now();
      profiles = await loadProfiles({ env, ignoreCache: true });
      reads.push(performance.now() - t0);
    }

    const edited = files(opts.profiles, sandbox.url, '222222222222');
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE, edited.credentials);
    const t1 = performance.now();
    const after = await loadProfiles({ env, ignoreCache: true });
    const changes = diffProfiles(profiles, after);
    const diffMs = performance.now() - t1;
    const callsBeforeExpanding = calls.length;

    const target = after.find((p) => p.kind === 'static');
    if (!target) throw new Error('no static profile generated');
    const ctx = { profile: target, region: target.region ?? 'us-east-1' };
    const catalog = new FeatureStoreCatalog(pool);
    const sharing = new SharingService(pool);
    const t2 = performance.now();
    const outcomes = await Promise.allSettled([catalog.callerAccountId(ctx), catalog.listOwned(ctx), catalog.listSharedWithMe(ctx), sharing.listInvitations(ctx), sharing.listMyShares(ctx)]);
    const expandMs = performance.now() - t2;
    const failed = outcomes.filter((o) => o.status === 'rejected').length;

    const kinds = new Map<string, number>();
    for (const p of after) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    console.log(`profiles        ${after.length} (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);
    console.log(`read            ${median(reads).toFixed(1)} ms median of ${opts.rounds} (min ${Math.min(...reads).toFixed(1)}, max ${Math.max(...reads).toFixed(1)})`);
    console.log(`diff after edit ${diffMs.toFixed(1)} ms; changed: ${changes.changed.join(', ') || 'none'}; added ${changes.added.length}, removed ${changes.removed.length}`);
    console.log(`calls           ${callsBeforeExpanding} AWS calls while reading and diffing`);
    console.log(`expand one      ${expandMs.toFixed(0)} ms for ${target.name} (sandbox latency ${opts.latencyMs} ms per call): ${calls.length - callsBeforeExpanding} calls, ${failed} failed`);
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
