// Service failures injected by the sandbox come back as AwsCallErrors with the right sentence,
// after the SDK's own retries.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AwsCallError } from '../../src/aws/errors';
import { startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;

before(async () => {
  t = await startAwsTestEnv({ pool: { requestTimeoutMs: 500 } });
});

afterEach(async () => {
  await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
});

after(async () => {
  await t.close();
});

async function inject(operation: string, kind: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ operation, kind, rate: 1, ...extra }) });
  assert.equal(res.status, 200);
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

describe('injected faults', () => {
  test('a throttled GetRecord, still throttled after retries, asks to wait', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    await inject('GetRecord', 'throttle');
    t.log.length = 0;
    const err = await failure(() => t.records.get(t.ctx('analytics'), group, 'c-1001'));
    assert.equal(err.code, 'ThrottlingException');
    assert.match(err.userMessage, /throttling GetRecord for profile analytics .*Wait a few seconds/);
    assert.deepEqual(t.log.map((e) => [e.operation, e.errorCode]), [['GetRecord', 'ThrottlingException']], 'retries stay inside one logged call');
  });

  test('an internal error on ListFeatureGroups says to try again', async () => {
    await inject('ListFeatureGroups', 'error500');
    const err = await failure(() => t.catalog.listOwned(t.ctx('analytics')));
    assert.equal(err.code, 'InternalFailure');
    assert.equal(err.httpStatusCode, 500);
    assert.match(err.userMessage, /internal error on ListFeatureGroups/);
  });

  test('a dropped connection names the endpoint', async () => {
    await inject('GetResourceShareInvitations', 'reset');
    const err = await failure(() => t.sharing.listInvitations(t.ctx('marketing')));
    assert.match(err.code, /ECONNRESET|EPIPE/);
    assert.ok(err.userMessage.startsWith(`${t.sandbox.url} dropped the connection`), err.userMessage);
  });

  test('a call slower than the timeout ends in TimeoutError', async () => {
    await inject('Search', 'slow', { delayMs: 2000 });
    const err = await failure(() => t.catalog.listSharedWithMe(t.ctx('marketing')));
    assert.equal(err.code, 'TimeoutError');
    assert.equal(err.operation, 'Search');
  });

  test('after the faults are cleared the same calls work again', async () => {
    assert.equal((await t.catalog.listOwned(t.ctx('analytics'))).length, 4);
  });
});
