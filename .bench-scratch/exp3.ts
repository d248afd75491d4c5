import { writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startSandboxProcess } from '/work/main/scripts/bench/sandboxProcess';
import { benchAwsConfig } from '/work/main/scripts/bench/accounts';
import { loadProfiles } from '/work/main/src/aws/profiles';
import { freshServices } from '/work/main/scripts/bench/treeLoads';
import { ListFeatureGroupsCommand } from '/work/main/node_modules/@aws-sdk/client-sagemaker';

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'exp-'));
  const sb = await startSandboxProcess('/work/main');
  await writeFile(join(dir, 'config'), benchAwsConfig(sb.url));
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'cred');
  const profiles = await loadProfiles({ ignoreCache: true });
  const ctx = { profile: profiles[0], region: 'us-east-1' };
  for (let i = 0; i < 6; i++) {
    const s = freshServices();
    let t = performance.now();
    const c = s.services.pool.sagemaker(ctx);
    const build = performance.now() - t;
    t = performance.now();
    const creds = await (c.config.credentials as () => Promise<unknown>)();
    const credMs = performance.now() - t;
    t = performance.now();
    await c.send(new ListFeatureGroupsCommand({ MaxResults: 100 }));
    const first = performance.now() - t;
    t = performance.now();
    await c.send(new ListFeatureGroupsCommand({ MaxResults: 100 }));
    const second = performance.now() - t;
    console.log(`build ${build.toFixed(1)} creds ${credMs.toFixed(1)} first ${first.toFixed(1)} second ${second.toFixed(1)}`, !!creds);
    s.services.pool.dispose();
  }
  await sb.stop();
}
main();
