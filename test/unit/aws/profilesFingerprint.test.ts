// What makes two readings of a profile the same identity: the fingerprint, the diff between two
// readings, and the facts of role chains (base kind, MFA on the way, loops).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileInfo } from '../../../src/aws/model';
import { diffProfiles, loadProfiles } from '../../../src/aws/profiles';

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fsx-fingerprint-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function read(config: string, credentials = ''): Promise<Map<string, ProfileInfo>> {
  n++;
  await writeFile(join(dir, `config${n}`), config);
  await writeFile(join(dir, `credentials${n}`), credentials);
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, `config${n}`), AWS_SHARED_CREDENTIALS_FILE: join(dir, `credentials${n}`) };
  return new Map((await loadProfiles({ env, ignoreCache: true })).map((p) => [p.name, p]));
}

/** Same files, same name: for fingerprints that must not depend on the file name. */
async function readAt(name: string, config: string, credentials = ''): Promise<Map<string, ProfileInfo>> {
  await writeFile(join(dir, `${name}-config`), config);
  await writeFile(join(dir, `${name}-credentials`), credentials);
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, `${name}-config`), AWS_SHARED_CREDENTIALS_FILE: join(dir, `${name}-credentials`) };
  return new Map((await loadProfiles({ env, ignoreCache: true })).map((p) => [p.name, p]));
}

const BASE = `
[profile a]
region = us-east-1
aws_access_key_id = 111111111111
aws_secret_access_key = s

[profile role]
role_arn = arn:aws:iam::222222222222:role/R
source_profile = a

[profile other]
region = eu-west-1
aws_access_key_id = 333333333333
aws_secret_access_key = s
`;

describe('fingerprint', () => {
  test('stable across readings and line order; changes with any value of the profile', async () => {
    const one = await readAt('f', BASE);
    const again = await readAt('f', BASE);
    assert.equal(one.get('a')?.fingerprint, again.get('a')?.fingerprint);
    assert.match(one.get('a')?.fingerprint ?? '', /^[0-9a-f]{16}$/);
    const reordered = await readAt('f', BASE.replace('region = us-east-1\naws_access_key_id = 111111111111', 'aws_access_key_id = 111111111111\nregion = us-east-1'));
    assert.equal(reordered.get('a')?.fingerprint, one.get('a')?.fingerprint);
    const edited = await readAt('f', BASE.replace('111111111111', '444444444444'));
    assert.notEqual(edited.get('a')?.fingerprint, one.get('a')?.fingerprint);
    assert.equal(edited.get('other')?.fingerprint, one.get('other')?.fingerprint, 'another profile is untouched');
  });

  test("a role profile changes when its source profile's keys do", async () => {
    const one = await readAt('g', BASE);
    const edited = await readAt('g', BASE.replace('111111111111', '444444444444'));
    assert.notEqual(edited.get('role')?.fingerprint, one.get('role')?.fingerprint);
  });

  test('an SSO profile changes with its sso-session section', async () => {
    const sso = (url: string) => `[sso-session corp]\nsso_start_url = ${url}\nsso_region = us-east-1\n[profile dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n`;
    const one = await readAt('h', sso('https://a.awsapps.com/start'));
    const two = await readAt('h', sso('https://b.awsapps.com/start'));
    assert.notEqual(one.get('dev')?.fingerprint, two.get('dev')?.fingerprint);
  });

  test('a value in the credentials file counts like one in the config file', async () => {
    const one = await readAt('i', '[profile c]\nregion = us-east-1\n', '[c]\naws_access_key_id = 1\naws_secret_access_key = s\n');
    const two = await readAt('i', '[profile c]\nregion = us-east-1\n', '[c]\naws_access_key_id = 2\naws_secret_access_key = s\n');
    assert.notEqual(one.get('c')?.fingerprint, two.get('c')?.fingerprint);
  });
});

describe('role chains', () => {
  test('base kind at the end of the chain; static keys win in a chained hop', async () => {
    const p = await read(`
[profile keys]
aws_access_key_id = 1
aws_secret_access_key = s
[profile sso]
sso_session = x
[sso-session x]
sso_start_url = https://x
sso_region = us-east-1
[profile via-sso]
role_arn = arn:aws:iam::1:role/R
source_profile = sso
[profile keys-and-role]
aws_access_key_id = 1
aws_secret_access_key = s
role_arn = arn:aws:iam::1:role/Ignored
source_profile = sso
mfa_serial = arn:aws:iam::1:mfa/ignored
[profile via-keys-and-role]
role_arn = arn:aws:iam::1:role/R
source_profile = keys-and-role
[profile via-process]
role_arn = arn:aws:iam::1:role/R
source_profile = proc
[profile proc]
credential_process = /bin/creds
[profile ec2]
role_arn = arn:aws:iam::1:role/R
credential_source = Ec2InstanceMetadata
`);
    assert.equal(p.get('via-sso')?.sourceKind, 'sso');
    assert.equal(p.get('via-sso')?.unattended, false);
    assert.equal(p.get('via-keys-and-role')?.sourceKind, 'static', 'a chained hop with keys uses the keys');
    assert.equal(p.get('via-keys-and-role')?.mfaSerial, undefined);
    assert.equal(p.get('via-keys-and-role')?.unattended, true);
    assert.equal(p.get('keys-and-role')?.kind, 'assumeRole', 'at the top the role wins');
    assert.equal(p.get('keys-and-role')?.mfaSerial, 'arn:aws:iam::1:mfa/ignored');
    assert.equal(p.get('via-process')?.sourceKind, 'credentialProcess');
    assert.equal(p.get('ec2')?.sourceKind, undefined);
    assert.equal(p.get('ec2')?.unattended, false);
    assert.equal(p.get('keys')?.unattended, true);
  });

  test('MFA on an inner hop is the profile\'s MFA; an mfa_serial without a role asks for nothing', async () => {
    const p = await read(`
[profile keys]
aws_access_key_id = 1
aws_secret_access_key = s
mfa_serial = arn:aws:iam::1:mfa/cli-only
[profile inner]
role_arn = arn:aws:iam::1:role/Inner
source_profile = keys
mfa_serial = arn:aws:iam::1:mfa/inner
[profile outer]
role_arn = arn:aws:iam::2:role/Outer
source_profile = inner
`);
    assert.equal(p.get('outer')?.mfaSerial, 'arn:aws:iam::1:mfa/inner');
    assert.equal(p.get('outer')?.unattended, false);
    assert.equal(p.get('keys')?.mfaSerial, undefined);
  });

  test('a loop is a warning naming the profiles, not a hang', async () => {
    const p = await read(`
[profile x]
role_arn = arn:aws:iam::1:role/X
source_profile = y
[profile y]
role_arn = arn:aws:iam::1:role/Y
source_profile = x
`);
    assert.match(p.get('x')?.warnings?.join(' ') ?? '', /loops \(x → y → x\)/);
    assert.equal(p.get('x')?.sourceKind, 'unknown');
  });
});

describe('diffProfiles', () => {
  const p = (name: string, fingerprint?: string): ProfileInfo => ({ name, kind: 'static', endpoints: {}, fingerprint });
  test('added, removed, changed and unchanged by name and fingerprint', () => {
    const changes = diffProfiles([p('a', '1'), p('b', '2'), p('c', '3')], [p('a', '1'), p('b', '9'), p('d', '4')]);
    assert.deepEqual(changes, { added: ['d'], removed: ['c'], changed: ['b'], unchanged: ['a'] });
  });
  test('without fingerprints nothing counts as unchanged', () => {
    assert.deepEqual(diffProfiles([p('a')], [p('a')]).changed, ['a']);
  });
});

describe('500 profiles', () => {
  test('read with no network, each with its own fingerprint', async () => {
    const config = Array.from({ length: 500 }, (_, i) => `[profile bulk-${i}]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n`).join('\n');
    const credentials = Array.from({ length: 500 }, (_, i) => `[bulk-${i}]\naws_access_key_id = ${String(i).padStart(12, '0')}\naws_secret_access_key = s\n`).join('\n');
    const p = await read(config, credentials);
    assert.equal(p.size, 500);
    assert.equal(new Set([...p.values()].map((x) => x.fingerprint)).size, 500);
    assert.ok([...p.values()].every((x) => x.unattended));
  });
});
