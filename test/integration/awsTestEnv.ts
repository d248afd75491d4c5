// Shared set-up of the integration tests: a demo-seeded sandbox, a temp AWS config naming it, and
// the src/aws services built from those profiles exactly as the extension builds them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { FeatureStoreCatalog } from '../../src/aws/catalog';
import { ClientPool, type AwsCallLogEntry, type ClientPoolOptions } from '../../src/aws/clients';
import type { AccountContext, ProfileInfo } from '../../src/aws/model';
import { loadProfiles } from '../../src/aws/profiles';
import { RecordService } from '../../src/aws/records';
import { SharingService } from '../../src/aws/sharing';

export const REGION = 'us-east-1';
export const ANALYTICS = '111111111111';
export const MARKETING = '222222222222';
export const PARTNER = '333333333333';

export interface AwsTestEnv {
  sandbox: Sandbox;
  dir: string;
  env: NodeJS.ProcessEnv;
  profiles: ProfileInfo[];
  pool: ClientPool;
  log: AwsCallLogEntry[];
  catalog: FeatureStoreCatalog;
  sharing: SharingService;
  records: RecordService;
  ctx(profile: string): AccountContext;
  close(): Promise<void>;
}

/** The demo profiles of the brief, plus extra config text (`{url}` = the sandbox, `{dir}` = the temp folder). */
export async function startAwsTestEnv(opts: { extraConfig?: string; pool?: ClientPoolOptions } = {}): Promise<AwsTestEnv> {
  const sandbox = await startSandbox({ seed: 'demo' });
  const dir = await mkdtemp(join(tmpdir(), 'fsx-int-'));
  const config = [
    ['analytics', ANALYTICS],
    ['marketing', MARKETING],
    ['partner', PARTNER],
  ]
    .map(([name, key]) => `[profile ${name}]\naws_access_key_id = ${key}\naws_secret_access_key = sandbox\nregion = ${REGION}\nendpoint_url = ${sandbox.url}\n`)
    .join('\n') + (opts.extraConfig ?? '').replaceAll('{url}', sandbox.url).replaceAll('{dir}', dir);
  await writeFile(join(dir, 'config'), config);
  await writeFile(join(dir, 'credentials'), '');
  const env: NodeJS.ProcessEnv = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const profiles = await loadProfiles({ env, ignoreCache: true });
  const log: AwsCallLogEntry[] = [];
  // No response cache by default: each test sees the sandbox as it is now (responseCache has its own tests).
  const pool = new ClientPool({ cacheTtlMs: 0, ...opts.pool, logger: (e) => log.push(e) });
  return {
    sandbox,
    dir,
    env,
    profiles,
    pool,
    log,
    catalog: new FeatureStoreCatalog(pool),
    sharing: new SharingService(pool),
    records: new RecordService(pool),
    ctx(name: string): AccountContext {
      const profile = profiles.find((p) => p.name === name);
      if (!profile) throw new Error(`no profile ${name} in the test config`);
      return { profile, region: profile.region ?? REGION };
    },
    async close() {
      pool.dispose();
      await sandbox.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
