// After the whole suite ran (every profile kind, failures, sharing, the inspector), the log channel's
// file holds one line per AWS call with profile, region, operation, duration and error code — and
// nothing that looks like a secret: no access key ids, secret keys, session tokens or MFA codes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { suite, suiteSetup, test } from 'mocha';
import { findSecretLookalikes } from '../../src/aws/credentialsRedaction';
import type { ExplorerApi } from '../../src/extension';
import { explorerApi } from './support';
import { TEST_SECRETS } from './profilesFixtures';

suite('log after a full run', function () {
  this.timeout(120_000);
  let api: ExplorerApi;
  let text = '';

  suiteSetup(async () => {
    api = await explorerApi();
    // Something new to find once written: the log file is flushed asynchronously.
    await api.refresh();
    await api.snapshotRoot('analytics', 2);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      text = fs.existsSync(api.logFile.fsPath) ? fs.readFileSync(api.logFile.fsPath, 'utf8') : '';
      if (text.includes('Feature Store Explorer activated') && /AWS call: profile analytics, region us-east-1, sts\.GetCallerIdentity, \d+ ms/.test(text)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test('every AWS call is a line with profile, region, operation and duration; failures carry their code', () => {
    assert.match(text, /\[info\] AWS call: profile analytics, region us-east-1, sagemaker\.ListFeatureGroups, \d+ ms\n/);
    assert.match(text, /\[info\] AWS call: profile role-analytics, region us-east-1, sts\.AssumeRole, \d+ ms\n/);
    assert.match(text, /\[warning\] AWS call: profile throttled, region us-east-1, \w+\.\w+, \d+ ms, failed: Throttling(Exception)?\n/);
    assert.match(text, /\[warning\] AWS call: profile offline, region us-east-1, sts\.GetCallerIdentity, \d+ ms, failed: ECONNREFUSED\n/);
    assert.match(text, /\[warning\] AWS call: profile process-failing, region us-east-1, credentials\.ResolveCredentialProcess, \d+ ms, failed: CredentialsProviderError\n/);
  });

  test('the detail of a failure is logged, with what looked like a secret masked', () => {
    assert.match(text, /Loading profile process-failing: profile process-failing, GetCallerIdentity failed with CredentialsProviderError: [\s\S]*?vault is locked; last key aws_secret_access_key=\[redacted\]/);
  });

  test('nothing in the log looks like a secret', () => {
    assert.ok(text.length > 1000, 'the log was read');
    assert.deepEqual(findSecretLookalikes(text), []);
    for (const [name, secret] of Object.entries(TEST_SECRETS)) assert.ok(!text.includes(secret), `${name} is in the log`);
    assert.doesNotMatch(text, /\bsandbox\/[A-Za-z0-9+/]{20}/, 'no sandbox session token');
  });
});
