import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectProfileKind, loadProfiles, sharedFilePaths } from '../../../src/aws/profiles';

const CONFIG = `
[default]
region = eu-west-1

[profile analytics]
region = us-east-1
endpoint_url = http://127.0.0.1:4566

[profile split]
region = us-west-2
endpoint_url = http://profile-wide.example:1
services = local

[services local]
ram =
  endpoint_url = http://ram.local:9999
sagemaker_featurestore_runtime =
  endpoint_url = http://runtime.local:7777

[profile consumer]
role_arn = arn:aws:iam::222222222222:role/Reader
source_profile = analytics
mfa_serial = arn:aws:iam::111111111111:mfa/me

[profile on-ec2]
role_arn = arn:aws:iam::222222222222:role/Reader
credential_source = Ec2InstanceMetadata

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile dev-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Dev

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_account_id = 123456789012

[profile proc]
credential_process = /usr/bin/get-creds --json

[profile web]
role_arn = arn:aws:iam::123456789012:role/Web
web_identity_token_file = /var/token

[profile ignored]
region = ap-south-1
endpoint_url = http://never.example
ignore_configured_endpoint_urls = true

[profile broken]
services = missing-section
region = us-east-1

[not-a-profile]
region = us-east-1
`;

const CREDENTIALS = `
[analytics]
aws_access_key_id = 111111111111
aws_secret_access_key = sandbox

[creds-only]
aws_access_key_id = 333333333333
aws_secret_access_key = sandbox
region = sa-east-1
`;

let dir: string;
let env: NodeJS.ProcessEnv;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fsx-profiles-'));
  await writeFile(join(dir, 'config'), CONFIG);
  await writeFile(join(dir, 'credentials'), CREDENTIALS);
  env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function byName(extraEnv: NodeJS.ProcessEnv = {}) {
  const profiles = await loadProfiles({ env: { ...env, ...extraEnv }, ignoreCache: true });
  return new Map(profiles.map((p) => [p.name, p]));
}

describe('loadProfiles', () => {
  test('lists every profile of both files, sorted, without sso-session, services or bare config sections', async () => {
    const profiles = await loadProfiles({ env, ignoreCache: true });
    assert.deepEqual(profiles.map((p) => p.name), [
      'analytics', 'broken', 'consumer', 'creds-only', 'default', 'dev-sso', 'ignored', 'legacy-sso', 'on-ec2', 'proc', 'split', 'web',
    ]);
  });

  test('detects the kind of each profile', async () => {
    const p = await byName();
    const kinds = Object.fromEntries([...p.values()].map((x) => [x.name, x.kind]));
    assert.deepEqual(kinds, {
      analytics: 'static', broken: 'unknown', consumer: 'assumeRole', 'creds-only': 'static', default: 'unknown', 'dev-sso': 'sso',
      ignored: 'unknown', 'legacy-sso': 'sso', 'on-ec2': 'assumeRole', proc: 'credentialProcess', split: 'unknown', web: 'webIdentity',
    });
    assert.equal(p.get('consumer')?.roleArn, 'arn:aws:iam::222222222222:role/Reader');
    assert.equal(p.get('consumer')?.mfaSerial, 'arn:aws:iam::111111111111:mfa/me');
  });

  test('region comes from the profile, in either file', async () => {
    const p = await byName();
    assert.equal(p.get('analytics')?.region, 'us-east-1');
    assert.equal(p.get('creds-only')?.region, 'sa-east-1');
    assert.equal(p.get('default')?.region, 'eu-west-1');
    assert.equal(p.get('proc')?.region, undefined);
  });

  test('a profile without region falls back to AWS_REGION', async () => {
    const p = await byName({ AWS_REGION: 'ca-central-1' });
    assert.equal(p.get('proc')?.region, 'ca-central-1');
    assert.equal(p.get('analytics')?.region, 'us-east-1');
  });

  test('endpoint_url of the profile applies to every service', async () => {
    const p = await byName();
    assert.deepEqual(p.get('analytics')?.endpoints, {
      sagemaker: 'http://127.0.0.1:4566', featurestoreRuntime: 'http://127.0.0.1:4566', ram: 'http://127.0.0.1:4566', sts: 'http://127.0.0.1:4566',
    });
    assert.deepEqual(p.get('proc')?.endpoints, {});
  });

  test('the services section wins over the profile endpoint_url, per service', async () => {
    const p = await byName();
    assert.deepEqual(p.get('split')?.endpoints, {
      sagemaker: 'http://profile-wide.example:1', featurestoreRuntime: 'http://runtime.local:7777', ram: 'http://ram.local:9999', sts: 'http://profile-wide.example:1',
    });
  });

  test('AWS_ENDPOINT_URL_RAM wins for RAM only; AWS_ENDPOINT_URL for the rest', async () => {
    const p = await byName({ AWS_ENDPOINT_URL_RAM: 'http://env-ram:1', AWS_ENDPOINT_URL: 'http://env-all:2' });
    assert.deepEqual(p.get('split')?.endpoints, { sagemaker: 'http://env-all:2', featurestoreRuntime: 'http://env-all:2', ram: 'http://env-ram:1', sts: 'http://env-all:2' });
    assert.deepEqual(p.get('proc')?.endpoints, { sagemaker: 'http://env-all:2', featurestoreRuntime: 'http://env-all:2', ram: 'http://env-ram:1', sts: 'http://env-all:2' });
  });

  test('service-specific variables use the SDK service ids', async () => {
    const p = await byName({ AWS_ENDPOINT_URL_SAGEMAKER_FEATURESTORE_RUNTIME: 'http://rt:3', AWS_ENDPOINT_URL_STS: 'http://sts:4', AWS_ENDPOINT_URL_SAGEMAKER: 'http://sm:5' });
    assert.deepEqual(p.get('proc')?.endpoints, { sagemaker: 'http://sm:5', featurestoreRuntime: 'http://rt:3', sts: 'http://sts:4' });
  });

  test('ignore_configured_endpoint_urls in the profile, or the env variable, drops every override', async () => {
    const p = await byName();
    assert.deepEqual(p.get('ignored')?.endpoints, {});
    const q = await byName({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://env-all:2' });
    assert.deepEqual(q.get('analytics')?.endpoints, {});
  });

  test('a missing services section is a warning, not a failure', async () => {
    const p = await byName();
    assert.match(p.get('broken')?.warnings?.join(' ') ?? '', /services section "missing-section"/);
    assert.deepEqual(p.get('broken')?.endpoints, {});
  });

  test('profiles carry the files they were read from', async () => {
    const p = await byName();
    assert.equal(p.get('analytics')?.configFile, join(dir, 'config'));
    assert.equal(p.get('analytics')?.credentialsFile, join(dir, 'credentials'));
  });

  test('edits are seen with ignoreCache', async () => {
    const extra = join(dir, 'config-edit');
    await writeFile(extra, '[profile first]\nregion = us-east-1\n');
    const before = await loadProfiles({ env: { ...env, AWS_CONFIG_FILE: extra }, ignoreCache: true });
    await writeFile(extra, '[profile first]\nregion = us-east-1\n[profile second]\nregion = us-east-2\n');
    const after = await loadProfiles({ env: { ...env, AWS_CONFIG_FILE: extra }, ignoreCache: true });
    const names = (list: { name: string }[]) => list.map((x) => x.name).filter((n) => n === 'first' || n === 'second');
    assert.deepEqual(names(before), ['first']);
    assert.deepEqual(names(after), ['first', 'second']);
  });

  test('no files at all gives no profiles', async () => {
    const profiles = await loadProfiles({ env: { HOME: dir, AWS_CONFIG_FILE: join(dir, 'nope'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'nope2') }, ignoreCache: true });
    assert.deepEqual(profiles, []);
  });
});

describe('helpers', () => {
  test('sharedFilePaths defaults to ~/.aws under HOME and expands ~/', () => {
    assert.deepEqual(sharedFilePaths({ HOME: '/home/u' }), { configFile: '/home/u/.aws/config', credentialsFile: '/home/u/.aws/credentials' });
    assert.equal(sharedFilePaths({ HOME: '/home/u', AWS_CONFIG_FILE: '~/cfg' }).configFile, '/home/u/cfg');
  });
  test('static keys beat role settings only when there is no role chain', () => {
    assert.equal(detectProfileKind({ role_arn: 'r', source_profile: 's', aws_access_key_id: 'a', aws_secret_access_key: 'b' }), 'assumeRole');
    assert.equal(detectProfileKind({ role_arn: 'r', aws_access_key_id: 'a', aws_secret_access_key: 'b' }), 'static');
    assert.equal(detectProfileKind({ aws_access_key_id: 'a' }), 'unknown');
  });
});
