import { writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startSandboxProcess } from '/work/main/scripts/bench/sandboxProcess';
import { cloneGroupsBeyondQuota, createGroupsWithinQuota, shareAndAccept } from '/work/main/scripts/bench/seed';
import { benchAwsConfig } from '/work/main/scripts/bench/accounts';
import { loadProfiles } from '/work/main/src/aws/profiles';
import { freshServices, loadFullTree } from '/work/main/scripts/bench/treeLoads';

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'exp-'));
  let sb = await startSandboxProcess('/work/main');
  await createGroupsWithinQuota(sb.url);
  const state = (await sb.dumpState()) as never;
  await sb.stop();
  cloneGroupsBeyondQuota(state);
  await writeFile(join(dir, 's.json'), JSON.stringify(state));
  sb = await startSandboxProcess('/work/main', join(dir, 's.json'));
  await shareAndAccept(sb.url);
  await writeFile(join(dir, 'config'), benchAwsConfig(sb.url));
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'cred');
  const profiles = await loadProfiles({ ignoreCache: true });
  const ctxs = profiles.map((p) => ({ profile: p, region: p.region! }));
  const lat = Number(process.argv[2] ?? 0);
  await sb.setLatency(lat);
  for (let i = 0; i < 3; i++) {
    const s2 = freshServices();
    const t = performance.now();
    const stamps: string[] = [];
    s2.services.pool['opts'].logger = (e: { operation: string; durationMs: number; profile: string }) => stamps.push(`${e.profile.slice(-1)}:${e.operation}@${Math.round(performance.now() - t)}(${e.durationMs})`);
    await loadFullTree(s2.services, ctxs);
    console.log(`full ${Math.round(performance.now() - t)}: ${stamps.join(' ')}`);
    s2.services.pool.dispose();
  }
  await sb.stop();
}
main();
