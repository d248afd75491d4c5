// The pieces around the SDK's providers: the time limit that waits for the user, the MFA session
// store, and the masking of anything shaped like a secret before it reaches the log.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialsKey, withDeadline } from '../../../src/aws/credentials';
import { MfaSessions } from '../../../src/aws/credentialsMfa';
import { ssoCacheFolder, ssoLoginCommandLine } from '../../../src/aws/credentialsSso';
import { findSecretLookalikes, REDACTED, redactSecrets } from '../../../src/aws/credentialsRedaction';
import type { AccountContext } from '../../../src/aws/model';

const timeout = () => Object.assign(new Error('too slow'), { name: 'CredentialsTimeout' });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withDeadline', () => {
  test('passes a value or an error through', async () => {
    assert.equal(await withDeadline(async () => 7, 1000, timeout), 7);
    await assert.rejects(withDeadline(async () => { throw new Error('own'); }, 1000, timeout), /own/);
  });

  test('gives up when the work never ends', async () => {
    await assert.rejects(withDeadline(() => new Promise<never>(() => undefined), 20, timeout), { name: 'CredentialsTimeout' });
  });

  test('does not count paused time (the MFA prompt)', async () => {
    const value = await withDeadline(async (pause) => {
      await pause(() => wait(120));
      return 'answered';
    }, 60, timeout);
    assert.equal(value, 'answered');
  });
});

describe('MfaSessions', () => {
  const creds = (expiresInMs?: number) => ({ accessKeyId: 'ASIA', secretAccessKey: 's', ...(expiresInMs === undefined ? {} : { expiration: new Date(1_000_000 + expiresInMs) }) });

  test('keeps a session until five minutes before it expires', () => {
    let now = 1_000_000;
    const s = new MfaSessions(() => now);
    s.set('k', 'p', creds(3600_000));
    assert.ok(s.get('k'));
    now += 3600_000 - 5 * 60_000 + 1;
    assert.equal(s.get('k'), undefined);
    assert.equal(s.size, 0);
  });

  test('never keeps credentials without an expiry; forgets by profile', () => {
    const s = new MfaSessions(() => 1_000_000);
    s.set('k1', 'p', creds());
    assert.equal(s.size, 0);
    s.set('k1', 'p', creds(3600_000));
    s.set('k2', 'q', creds(3600_000));
    s.forget('p');
    assert.equal(s.get('k1'), undefined);
    assert.ok(s.get('k2'));
  });
});

describe('credentialsKey', () => {
  test('differs with the fingerprint, so a changed profile never reuses credentials', () => {
    const ctx = (fingerprint: string): AccountContext => ({ region: 'us-east-1', profile: { name: 'p', kind: 'static', endpoints: {}, fingerprint } });
    assert.notEqual(credentialsKey(ctx('a')), credentialsKey(ctx('b')));
    assert.equal(credentialsKey(ctx('a')), credentialsKey(ctx('a')));
  });
});

describe('redactSecrets', () => {
  const cases: [string, string, RegExp][] = [
    ['access key ids', 'key AKIAIOSFODNN7EXAMPLE and ASIAZZZZZZZZZZZZZZZZ used', /key AKIA\[redacted\] and ASIA\[redacted\] used/],
    ['ini settings', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG and aws_session_token=abc', /aws_secret_access_key = \[redacted\] and aws_session_token=\[redacted\]/],
    ['JSON fields', '{"AccessKeyId":"x","SecretAccessKey":"abc","SessionToken":"def","accessToken":"ghi"}', /"SecretAccessKey":"\[redacted\]","SessionToken":"\[redacted\]","accessToken":"\[redacted\]"/],
    ['bare secret keys', 'failed with wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12 inside', /failed with \[redacted\] inside/],
    ['session tokens', 'token sandbox/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGh+/== end', /token \[redacted\] end/],
    ['MFA codes', 'TokenCode 123456 and MFA code: 654321', /TokenCode \[redacted\] and MFA code: \[redacted\]/],
  ];
  for (const [what, input, expected] of cases) {
    test(what, () => {
      const out = redactSecrets(input);
      assert.match(out, expected);
      assert.deepEqual(findSecretLookalikes(out), [], out);
    });
  }

  test('leaves what the log needs alone: accounts, ARNs, URLs, durations, request ids, hex', () => {
    const line = 'AWS call: profile analytics, region us-east-1, sagemaker.ListFeatureGroups, 123456 ms arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile-with-a-very-long-name http://127.0.0.1:4566 request 0f3c2a5e-1b2c-4d5e-8f90-123456789abc 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    assert.equal(redactSecrets(line), line);
    assert.deepEqual(findSecretLookalikes(line), []);
  });

  test('findSecretLookalikes names what it finds', () => {
    assert.deepEqual(findSecretLookalikes('x AKIAIOSFODNN7EXAMPLE'), ['accessKeyId']);
    assert.deepEqual(findSecretLookalikes('aws_secret_access_key=abc'), ['secretSetting']);
    assert.ok(findSecretLookalikes(`y ${'aB3'.repeat(14)}`).includes('base64Secret'));
    assert.ok(!redactSecrets('aws_secret_access_key=abc').includes('abc'));
    assert.ok(redactSecrets('aws_secret_access_key=abc').includes(REDACTED));
  });
});

describe('SSO helpers', () => {
  test('the token folder is under the home the SDK uses', () => {
    assert.equal(ssoCacheFolder({ HOME: '/home/u' }), '/home/u/.aws/sso/cache');
    assert.equal(ssoCacheFolder({ USERPROFILE: '/users/w' }), '/users/w/.aws/sso/cache');
  });
  test('the login command quotes only names a shell could misread', () => {
    assert.equal(ssoLoginCommandLine('dev-admin'), 'aws sso login --profile dev-admin');
    assert.equal(ssoLoginCommandLine('team@corp.example'), 'aws sso login --profile team@corp.example');
    assert.equal(ssoLoginCommandLine("it's"), "aws sso login --profile 'it'\\''s'");
  });
});
