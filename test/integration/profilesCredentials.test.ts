// Every kind of profile the SDK resolves, from real config and credentials files in a temp folder,
// against the sandbox: static keys (either file), role chains through the sandbox STS (source_profile,
// credential_source, MFA), SSO with a cached token (valid, expired, missing; sso-session and legacy),
// credential_process scripts (working, failing, hanging), and what happens when the files change.
//
// The sandbox has no SSO portal: a small local server answers GetRoleCredentials (the one call the
// SDK makes with the cached token) with keys of the requested account, for tokens it was told are
// valid. AWS_ENDPOINT_URL_SSO points the SDK's SSO client at it; HOME points at the temp folder, so
// the SDK reads the token cache from there. Each test file runs in its own process.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { FeatureStoreCatalog } from '../../src/aws/catalog';
import { ClientPool, type AwsCallLogEntry } from '../../src/aws/clients';
import { MfaSessions } from '../../src/aws/credentialsMfa';
import { AwsCallError, type ErrorKind } from '../../src/aws/errors';
import type { AccountContext, ProfileInfo } from '../../src/aws/model';
import { diffProfiles, loadProfiles } from '../../src/aws/profiles';

const ANALYTICS = '111111111111';
const MARKETING = '222222222222';
const PARTNER = '333333333333';
const REGION = 'us-east-1';

/** A stand-in for the IAM Identity Center portal: GetRoleCredentials for tokens marked valid. */
class SsoPortal {
  readonly validTokens = new Set<string>();
  readonly calls: { accountId: string; roleName: string; token: string }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const token = String(req.headers['x-amz-sso_bearer_token'] ?? '');
      const accountId = url.searchParams.get('account_id') ?? '';
      const roleName = url.searchParams.get('role_name') ?? '';
      this.calls.push({ accountId, roleName, token });
      if (req.method !== 'GET' || url.pathname !== '/federation/credentials') {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' }).end('{"message":"no such path"}');
      } else if (!this.validTokens.has(token)) {
        res.writeHead(401, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnauthorizedException' }).end('{"message":"Session token not found or invalid"}');
      } else {
        const roleCredentials = { accessKeyId: accountId, secretAccessKey: 'ssoPortalSecret', sessionToken: 'ssoPortalSession', expiration: Date.now() + 3600_000 };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ roleCredentials }));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let sandbox: Sandbox;
let portal: SsoPortal;
let dir: string;
let log: AwsCallLogEntry[];
let pool: ClientPool;
let catalog: FeatureStoreCatalog;
let profiles: ProfileInfo[];
const asked: { serial: string; profile: string }[] = [];
let mfaAnswer: () => Promise<string> = async () => '654321';
const sessions = new MfaSessions();

function configText(url: string): string {
  return `
[profile keys-in-config]
aws_access_key_id = ${MARKETING}
aws_secret_access_key = sandbox
region = ${REGION}
endpoint_url = ${url}

[profile keys-in-credentials]
region = ${REGION}
endpoint_url = ${url}

[profile partner-keys]
aws_access_key_id = ${PARTNER}
aws_secret_access_key = sandbox

[profile role]
role_arn = arn:aws:iam::${ANALYTICS}:role/FeatureStoreReader
source_profile = partner-keys
role_session_name = fsx-test
region = ${REGION}
endpoint_url = ${url}

[profile role-of-role]
role_arn = arn:aws:iam::${MARKETING}:role/Chained
source_profile = role
region = ${REGION}
endpoint_url = ${url}

[profile role-from-env]
role_arn = arn:aws:iam::${ANALYTICS}:role/FromEnvironment
credential_source = Environment
region = ${REGION}
endpoint_url = ${url}

[profile role-with-mfa]
role_arn = arn:aws:iam::${ANALYTICS}:role/NeedsMfa
source_profile = partner-keys
mfa_serial = arn:aws:iam::${PARTNER}:mfa/tester
region = ${REGION}
endpoint_url = ${url}

[sso-session corp]
sso_start_url = https://corp.example.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile sso-session-user]
sso_session = corp
sso_account_id = ${ANALYTICS}
sso_role_name = Reader
region = ${REGION}
endpoint_url = ${url}

[profile sso-legacy-user]
sso_start_url = https://legacy.example.awsapps.com/start
sso_region = us-east-1
sso_account_id = ${MARKETING}
sso_role_name = Reader
region = ${REGION}
endpoint_url = ${url}

[sso-session nobody-logged-in]
sso_start_url = https://nobody.example.awsapps.com/start
sso_region = us-east-1

[profile sso-missing-token]
sso_session = nobody-logged-in
sso_account_id = ${ANALYTICS}
sso_role_name = Reader
region = ${REGION}
endpoint_url = ${url}

[profile process]
credential_process = node ${join(dir, 'creds.mjs')} ${PARTNER}
region = ${REGION}
endpoint_url = ${url}

[profile process-failing]
credential_process = node ${join(dir, 'fail.mjs')}
region = ${REGION}
endpoint_url = ${url}

[profile process-hanging]
credential_process = node ${join(dir, 'hang.mjs')}
region = ${REGION}
endpoint_url = ${url}

[profile switching]
region = ${REGION}
endpoint_url = ${url}
`;
}

function credentialsText(switchingKey: string): string {
  return `
[keys-in-credentials]
aws_access_key_id = ${ANALYTICS}
aws_secret_access_key = sandbox

[switching]
aws_access_key_id = ${switchingKey}
aws_secret_access_key = sandbox
`;
}

async function writeSsoToken(id: string, token: string, expiresInMs: number): Promise<void> {
  const cache = join(dir, '.aws', 'sso', 'cache');
  await mkdir(cache, { recursive: true });
  const file = join(cache, `${createHash('sha1').update(id).digest('hex')}.json`);
  await writeFile(file, JSON.stringify({ accessToken: token, expiresAt: new Date(Date.now() + expiresInMs).toISOString(), region: 'us-east-1', startUrl: 'https://x' }));
}

async function reload(): Promise<void> {
  profiles = await loadProfiles({ ignoreCache: true });
}

function ctx(name: string): AccountContext {
  const profile = profiles.find((p) => p.name === name);
  assert.ok(profile, `no profile ${name}`);
  return { profile, region: profile.region ?? REGION };
}

async function failure(run: () => Promise<unknown>): Promise<AwsCallError> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof AwsCallError, String(err));
    return err;
  }
  assert.fail('expected a failure');
}

function newPool(opts: { credentialsTimeoutMs?: number } = {}): ClientPool {
  return new ClientPool({
    logger: (e) => log.push(e),
    requestTimeoutMs: 2000,
    mfaSessions: sessions,
    mfaCodeProvider: async (serial, profile) => {
      asked.push({ serial, profile });
      return mfaAnswer();
    },
    ...opts,
  });
}

before(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  portal = new SsoPortal();
  await portal.start();
  dir = await mkdtemp(join(tmpdir(), 'fsx-profiles-int-'));
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, {
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_ENDPOINT_URL_SSO: portal.url,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  await writeFile(join(dir, 'creds.mjs'), 'console.log(JSON.stringify({ Version: 1, AccessKeyId: process.argv[2], SecretAccessKey: "processSecret", Expiration: new Date(Date.now() + 3600e3).toISOString() }));\n');
  await writeFile(join(dir, 'fail.mjs'), 'console.error("vault locked: aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"); process.exit(3);\n');
  // Silent far beyond the credentials timeout, yet ends, so the test process can exit.
  await writeFile(join(dir, 'hang.mjs'), 'setTimeout(() => {}, 8000);\n');
  await chmod(join(dir, 'creds.mjs'), 0o755);
  await writeFile(join(dir, 'config'), configText(sandbox.url));
  await writeFile(join(dir, 'credentials'), credentialsText(ANALYTICS));
  await reload();
});

beforeEach(() => {
  log = [];
  pool = newPool();
  catalog = new FeatureStoreCatalog(pool);
});

after(async () => {
  pool?.dispose();
  await sandbox?.stop();
  await portal?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('what loadProfiles finds', () => {
  test('kinds, the base of role chains, MFA anywhere in the chain, and which profiles need no one', () => {
    const by = new Map(profiles.map((p) => [p.name, p]));
    const facts = (n: string) => [by.get(n)?.kind, by.get(n)?.sourceKind, by.get(n)?.mfaSerial, by.get(n)?.unattended];
    assert.deepEqual(facts('keys-in-credentials'), ['static', undefined, undefined, true]);
    assert.deepEqual(facts('role'), ['assumeRole', 'static', undefined, true]);
    assert.deepEqual(facts('role-of-role'), ['assumeRole', 'static', undefined, true]);
    assert.deepEqual(facts('role-from-env'), ['assumeRole', undefined, undefined, false]);
    assert.deepEqual(facts('role-with-mfa'), ['assumeRole', 'static', `arn:aws:iam::${PARTNER}:mfa/tester`, false]);
    assert.deepEqual(facts('sso-session-user'), ['sso', undefined, undefined, false]);
    assert.deepEqual(facts('process'), ['credentialProcess', undefined, undefined, false]);
  });
});

describe('static keys', () => {
  test('in the config file or only in the credentials file', async () => {
    assert.equal(await catalog.callerAccountId(ctx('keys-in-config')), MARKETING);
    assert.deepEqual((await catalog.listOwned(ctx('keys-in-credentials'))).map((g) => g.name), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
  });
});

describe('assume-role chains through the sandbox STS', () => {
  test('role_arn + source_profile acts as the role account, one AssumeRole for every call', async () => {
    assert.equal(await catalog.callerAccountId(ctx('role')), ANALYTICS);
    assert.equal((await catalog.listOwned(ctx('role'))).length, 4);
    assert.equal(log.filter((e) => e.operation === 'AssumeRole').length, 1);
    assert.deepEqual(log.filter((e) => e.service === 'credentials').map((e) => [e.profile, e.operation, e.errorCode]), [['role', 'ResolveAssumeRole', undefined]]);
  });

  test('a role assumed from a role: two hops, ending in the second role account', async () => {
    assert.equal(await catalog.callerAccountId(ctx('role-of-role')), MARKETING);
    assert.deepEqual((await catalog.listOwned(ctx('role-of-role'))).map((g) => g.name), ['campaign-responses']);
    assert.equal(log.filter((e) => e.operation === 'AssumeRole').length, 2);
  });

  test('credential_source = Environment takes the keys from the environment', async () => {
    process.env.AWS_ACCESS_KEY_ID = PARTNER;
    process.env.AWS_SECRET_ACCESS_KEY = 'sandbox';
    try {
      assert.equal(await catalog.callerAccountId(ctx('role-from-env')), ANALYTICS);
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });

  test('a session the sandbox expired is assumed again on the next call, without a refresh', async () => {
    assert.equal(await catalog.callerAccountId(ctx('role')), ANALYTICS);
    await fetch(`${sandbox.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 7200 }) });
    try {
      const err = await failure(() => catalog.listOwned(ctx('role')));
      assert.match(err.code, /^ExpiredToken/);
      assert.equal(err.kind, 'credentialsRejected');
      assert.equal((await catalog.listOwned(ctx('role'))).length, 4);
      assert.equal(log.filter((e) => e.operation === 'AssumeRole').length, 2);
    } finally {
      await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST', body: JSON.stringify({ seed: 'demo' }) });
    }
  });
});

describe('MFA', () => {
  test('asks once for the code, with the profile, and keeps the session across refreshes and pools', async () => {
    sessions.forget();
    asked.length = 0;
    assert.equal(await catalog.callerAccountId(ctx('role-with-mfa')), ANALYTICS);
    assert.deepEqual(asked, [{ serial: `arn:aws:iam::${PARTNER}:mfa/tester`, profile: 'role-with-mfa' }]);
    // A refresh drops clients and answers, not the session.
    pool.invalidate();
    catalog.forget();
    assert.equal((await catalog.listOwned(ctx('role-with-mfa'))).length, 4);
    const other = newPool();
    try {
      assert.equal(await new FeatureStoreCatalog(other).callerAccountId(ctx('role-with-mfa')), ANALYTICS);
    } finally {
      other.dispose();
    }
    assert.equal(asked.length, 1, 'no second prompt while the session lives');
    assert.ok(!JSON.stringify(log).includes('654321'), 'the code is never in the call log');
  });

  test('no code given: the profile says it needs one, and the next try asks again', async () => {
    sessions.forget();
    asked.length = 0;
    mfaAnswer = async () => {
      throw Object.assign(new Error('No MFA code was entered for profile role-with-mfa.'), { name: 'CredentialsProviderError' });
    };
    try {
      const err = await failure(() => catalog.callerAccountId(ctx('role-with-mfa')));
      assert.equal(err.kind, 'mfa');
      assert.match(err.userMessage, /^Profile role-with-mfa needs an MFA code to assume its role\. Retry and enter the code/);
    } finally {
      mfaAnswer = async () => '654321';
    }
    assert.equal(await catalog.callerAccountId(ctx('role-with-mfa')), ANALYTICS);
    assert.equal(asked.length, 2);
  });
});

describe('SSO', () => {
  test('sso-session profile with a valid cached token gets role credentials for its account', async () => {
    portal.validTokens.add('corp-token-1');
    await writeSsoToken('corp', 'corp-token-1', 3600_000);
    assert.equal(await catalog.callerAccountId(ctx('sso-session-user')), ANALYTICS);
    assert.equal((await catalog.listOwned(ctx('sso-session-user'))).length, 4);
    assert.deepEqual(portal.calls.at(-1), { accountId: ANALYTICS, roleName: 'Reader', token: 'corp-token-1' });
  });

  test('legacy SSO profile (start URL in the profile) reads the token cached under its start URL', async () => {
    portal.validTokens.add('legacy-token');
    await writeSsoToken('https://legacy.example.awsapps.com/start', 'legacy-token', 3600_000);
    assert.equal(await catalog.callerAccountId(ctx('sso-legacy-user')), MARKETING);
  });

  test('no cached token: asks for aws sso login with the profile name', async () => {
    const err = await failure(() => catalog.listOwned(ctx('sso-missing-token')));
    assert.equal(err.kind, 'ssoLogin');
    assert.equal(err.userMessage, 'The SSO session of profile sso-missing-token is missing or expired. Run `aws sso login --profile sso-missing-token`, then refresh.');
  });

  test('an expired token asks for aws sso login; once a new token is saved, the same pool uses it', async () => {
    await writeSsoToken('corp', 'corp-token-old', -60_000);
    const err = await failure(() => catalog.callerAccountId(ctx('sso-session-user')));
    assert.equal(err.kind, 'ssoLogin');
    assert.match(err.userMessage, /aws sso login --profile sso-session-user/);
    // What `aws sso login` does: a new token in the cache. No invalidate, no new pool.
    portal.validTokens.add('corp-token-2');
    await writeSsoToken('corp', 'corp-token-2', 3600_000);
    assert.equal(await catalog.callerAccountId(ctx('sso-session-user')), ANALYTICS);
    assert.equal(portal.calls.at(-1)?.token, 'corp-token-2');
  });
});

describe('credential_process', () => {
  test('a script printing Version 1 JSON supplies the keys of its account', async () => {
    assert.equal(await catalog.callerAccountId(ctx('process')), PARTNER);
    assert.deepEqual(log.filter((e) => e.service === 'credentials').map((e) => [e.operation, e.errorCode]), [['ResolveCredentialProcess', undefined]]);
  });

  test('a failing script is named, with the first line of what it said only', async () => {
    const err = await failure(() => catalog.listOwned(ctx('process-failing')));
    assert.equal(err.kind, 'credentialProcess');
    assert.match(err.userMessage, /^The credential_process of profile process-failing failed \(credential_process failed: Command failed: node .*fail\.mjs\)\. Run the command by hand/);
    assert.doesNotMatch(err.userMessage, /vault locked/);
  });

  test('a script that never ends gives up after the credentials timeout', async () => {
    const quick = newPool({ credentialsTimeoutMs: 1500 });
    try {
      const err = await failure(() => new FeatureStoreCatalog(quick).listOwned(ctx('process-hanging')));
      assert.equal(err.code, 'CredentialsTimeout');
      assert.equal(err.kind, 'credentialsTimeout');
      assert.match(err.userMessage, /^Getting credentials for profile process-hanging \(credentialProcess\) took longer than 2 seconds: /);
    } finally {
      quick.dispose();
    }
  });
});

describe('profiles whose content changes', () => {
  test('a new key in the file is a new fingerprint, and no answer of the old account is served under it', async () => {
    // A pool with the response cache on (the extension's default): the old answer is fresh in it.
    const cached = new ClientPool({ requestTimeoutMs: 2000 });
    const cachedCatalog = new FeatureStoreCatalog(cached);
    try {
      const before = ctx('switching');
      assert.equal((await cachedCatalog.listOwned(before)).length, 4);
      await writeFile(join(dir, 'credentials'), credentialsText(MARKETING));
      const previous = profiles;
      await reload();
      const changes = diffProfiles(previous, profiles);
      assert.deepEqual(changes.changed, ['switching']);
      assert.equal(changes.added.length + changes.removed.length, 0);
      assert.notEqual(ctx('switching').profile.fingerprint, before.profile.fingerprint);
      // No invalidate on purpose: the fingerprint alone keeps the cached analytics answer away.
      assert.deepEqual((await cachedCatalog.listOwned(ctx('switching'))).map((g) => g.name), ['campaign-responses']);
    } finally {
      cached.dispose();
      await writeFile(join(dir, 'credentials'), credentialsText(ANALYTICS));
      await reload();
    }
  });
});

describe('failure kinds', () => {
  const expectations: [string, ErrorKind][] = [
    ['sso-missing-token', 'ssoLogin'],
    ['process-failing', 'credentialProcess'],
  ];
  for (const [profile, kind] of expectations) {
    test(`${profile}: ${kind}, for every call of the profile`, async () => {
      const errors = await Promise.all([
        failure(() => catalog.callerAccountId(ctx(profile))),
        failure(() => catalog.listOwned(ctx(profile))),
        failure(() => catalog.listSharedWithMe(ctx(profile))),
      ]);
      assert.deepEqual(errors.map((e) => e.kind), [kind, kind, kind]);
    });
  }
});
