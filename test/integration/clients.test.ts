// Credentials and endpoints as the client pool resolves them: assume-role chains through the
// sandbox STS, unreachable and silent endpoints, profiles without usable credentials.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { FeatureStoreCatalog } from '../../src/aws/catalog';
import { ClientPool } from '../../src/aws/clients';
import { AwsCallError } from '../../src/aws/errors';
import { ANALYTICS, MARKETING, startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

/** A TCP server that accepts connections and never answers: an endpoint that hangs. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A port nobody listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let t: AwsTestEnv;
let silent: Awaited<ReturnType<typeof silentServer>>;
let deadPort: number;

before(async () => {
  silent = await silentServer();
  deadPort = await closedPort();
  t = await startAwsTestEnv({
    pool: { requestTimeoutMs: 400 },
    extraConfig: `
[profile analytics-from-marketing]
role_arn = arn:aws:iam::${ANALYTICS}:role/FeatureStoreReader
source_profile = marketing
role_session_name = fsx-test
region = us-east-1
endpoint_url = {url}

[profile needs-mfa]
role_arn = arn:aws:iam::${ANALYTICS}:role/FeatureStoreReader
source_profile = marketing
mfa_serial = arn:aws:iam::${MARKETING}:mfa/tester
region = us-east-1
endpoint_url = {url}

[profile refused]
aws_access_key_id = ${ANALYTICS}
aws_secret_access_key = sandbox
region = us-east-1
endpoint_url = http://127.0.0.1:${deadPort}

[profile hanging]
aws_access_key_id = ${ANALYTICS}
aws_secret_access_key = sandbox
region = us-east-1
endpoint_url = ${silent.url}

[profile web-identity]
role_arn = arn:aws:iam::${ANALYTICS}:role/WebReader
web_identity_token_file = {dir}/token
region = us-east-1
endpoint_url = {url}

[profile nothing]
region = us-east-1
endpoint_url = {url}

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1

[profile sso-user]
sso_session = corp
sso_account_id = ${ANALYTICS}
sso_role_name = Reader
region = us-east-1
endpoint_url = {url}
`,
  });
});

after(async () => {
  await t?.close();
  await silent?.close();
});

describe('assume-role profiles', () => {
  test('role_arn + source_profile assumes the role through the sandbox STS and acts as the role account', async () => {
    const ctx = t.ctx('analytics-from-marketing');
    assert.equal(ctx.profile.kind, 'assumeRole');
    t.log.length = 0;
    assert.equal(await t.catalog.callerAccountId(ctx), ANALYTICS);
    const owned = await t.catalog.listOwned(ctx);
    assert.equal(owned.length, 4);
    const assumeCalls = t.log.filter((e) => e.operation === 'AssumeRole');
    assert.equal(assumeCalls.length, 1, 'the inner STS call is logged, and credentials are reused');
    assert.equal(assumeCalls[0].service, 'sts');
    assert.equal(assumeCalls[0].profile, 'analytics-from-marketing');
  });

  test("an MFA profile asks the pool's mfaCodeProvider for the code", async () => {
    const asked: string[] = [];
    const pool = new ClientPool({ mfaCodeProvider: async (serial) => { asked.push(serial); return '123456'; } });
    try {
      assert.equal(await new FeatureStoreCatalog(pool).callerAccountId(t.ctx('needs-mfa')), ANALYTICS);
      assert.deepEqual(asked, [`arn:aws:iam::${MARKETING}:mfa/tester`]);
    } finally {
      pool.dispose();
    }
  });

  test('without an mfaCodeProvider the MFA profile fails with a sentence about MFA', async () => {
    const pool = new ClientPool();
    try {
      await assert.rejects(new FeatureStoreCatalog(pool).callerAccountId(t.ctx('needs-mfa')), (err: unknown) => {
        assert.ok(err instanceof AwsCallError);
        assert.equal(err.code, 'CredentialsProviderError');
        assert.match(err.userMessage, /Profile needs-mfa needs an MFA code/);
        return true;
      });
    } finally {
      pool.dispose();
    }
  });
});

describe('web identity profiles', () => {
  test('a web identity profile assumes its role through the profile STS endpoint and acts as that account', async () => {
    await writeFile(join(t.dir, 'token'), 'header.payload.signature');
    const ctx = t.ctx('web-identity');
    assert.equal(ctx.profile.kind, 'webIdentity');
    // Reaching the sandbox STS (not sts.amazonaws.com) is what makes this resolve at all.
    assert.equal(await t.catalog.callerAccountId(ctx), ANALYTICS);
    const owned = await t.catalog.listOwned(ctx);
    assert.ok(owned.some((g) => g.name === 'customer-profile'));
  });

  test('a web identity profile whose token file is missing says so', async () => {
    await rm(join(t.dir, 'token'), { force: true });
    t.pool.invalidate('web-identity');
    t.catalog.forget('web-identity');
    await assert.rejects(t.catalog.callerAccountId(t.ctx('web-identity')), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.match(err.userMessage, /web-identity/);
      return true;
    });
  });
});

describe('credentials problems', () => {
  test('a profile with no credentials settings says so', async () => {
    await assert.rejects(t.catalog.listOwned(t.ctx('nothing')), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'CredentialsProviderError');
      assert.equal(err.profile, 'nothing');
      assert.match(err.userMessage, /Profile nothing has no usable credentials/);
      return true;
    });
  });

  test('an SSO profile without a cached token asks for aws sso login', async () => {
    await assert.rejects(t.catalog.listOwned(t.ctx('sso-user')), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'CredentialsProviderError');
      assert.equal(err.userMessage, 'The SSO session of profile sso-user is missing or expired. Run `aws sso login --profile sso-user`, then refresh.');
      return true;
    });
  });
});

describe('unreachable endpoints', () => {
  test('connection refused names the endpoint', async () => {
    await assert.rejects(t.catalog.listOwned(t.ctx('refused')), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'ECONNREFUSED');
      assert.equal(err.operation, 'ListFeatureGroups');
      assert.equal(err.userMessage, `http://127.0.0.1:${deadPort} refused the connection for ListFeatureGroups of profile refused. Start the local sandbox or fix the profile's endpoint_url, then retry.`);
      return true;
    });
  });

  test('an endpoint that never answers ends in a TimeoutError naming it', async () => {
    t.log.length = 0;
    await assert.rejects(t.sharing.listInvitations(t.ctx('hanging')), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'TimeoutError');
      assert.match(err.userMessage, new RegExp(`^${silent.url.replaceAll('.', '\\.')} did not answer GetResourceShareInvitations for profile hanging in time`));
      return true;
    });
    assert.deepEqual(t.log.map((e) => [e.operation, e.errorCode]), [['GetResourceShareInvitations', 'TimeoutError']]);
  });
});
