// The /_sandbox/ controls: health, reset, clock, latency and injected faults.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { DescribeFeatureGroupCommand, ListFeatureGroupsCommand } from '@aws-sdk/client-sagemaker';
import { GetRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { GetResourceSharesCommand } from '@aws-sdk/client-ram';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ANALYTICS, rejectsWith, TestSandbox, type Clients } from './helpers';

let sb: TestSandbox;
let c: Clients;
const getRecord = (client = c) => client.rt.send(new GetRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1001' }));

before(async () => {
  sb = await TestSandbox.start();
  c = sb.clients(ANALYTICS);
});
after(() => sb.stop());
afterEach(async () => {
  await sb.control('DELETE', 'faults');
  await sb.control('POST', 'latency', { ms: 0 });
});

describe('state controls', () => {
  test('health reports the seeded state', async () => {
    const health = await sb.control('GET', 'health');
    assert.equal(health.status, 'ok');
    assert.equal(health.featureGroups, 5);
    assert.equal(health.resourceShares, 3);
  });

  test('reset to empty and back to demo', async () => {
    await sb.reset('empty');
    assert.deepEqual((await c.sm.send(new ListFeatureGroupsCommand({}))).FeatureGroupSummaries, []);
    await sb.reset('demo');
    assert.equal((await c.sm.send(new ListFeatureGroupsCommand({}))).FeatureGroupSummaries?.length, 4);
  });

  test('the clock moves forward on request', async () => {
    const before = Date.parse(String((await sb.control('GET', 'clock')).now));
    const moved = await sb.advanceClock(86400);
    assert.ok(Date.parse(String(moved.now)) - before >= 86400_000);
    await sb.reset();
  });

  test('bad control input is a 400 with a reason', async () => {
    const res = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ operation: 'GetRecord', kind: 'meteor' }) });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /kind/);
  });
});

describe('faults', () => {
  test('throttle one operation: the runtime answers 429 ThrottlingException, others pass', async () => {
    await sb.control('POST', 'faults', { operation: 'GetRecord', kind: 'throttle', rate: 1 });
    await rejectsWith(getRecord(), 'ThrottlingException', 429);
    await c.sm.send(new DescribeFeatureGroupCommand({ FeatureGroupName: 'customer-profile' }));
  });

  test('throttle everything: each service answers in its own shape', async () => {
    await sb.control('POST', 'faults', { operation: '*', kind: 'throttle', rate: 1 });
    await rejectsWith(c.sm.send(new ListFeatureGroupsCommand({})), 'ThrottlingException', 400);
    await rejectsWith(c.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })), 'ThrottlingException', 429);
    await rejectsWith(c.sts.send(new GetCallerIdentityCommand({})), 'Throttling', 400);
  });

  test('the SDK retries a throttled call and succeeds once the fault is gone', async () => {
    await sb.control('POST', 'faults', { operation: 'ListFeatureGroups', kind: 'throttle', rate: 1 });
    const retrying = sb.clients(ANALYTICS, { maxAttempts: 3 });
    const err = await rejectsWith(retrying.sm.send(new ListFeatureGroupsCommand({})), 'ThrottlingException');
    assert.equal((err.$metadata as { attempts?: number }).attempts, 3);
    await sb.control('DELETE', 'faults');
    await retrying.sm.send(new ListFeatureGroupsCommand({}));
  });

  test('error500 gives each service its internal error', async () => {
    await sb.control('POST', 'faults', { operation: '*', kind: 'error500', rate: 1 });
    await rejectsWith(getRecord(), 'InternalFailure', 500);
    await rejectsWith(c.sm.send(new ListFeatureGroupsCommand({})), 'InternalFailure', 500);
    await rejectsWith(c.ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })), 'ServerInternalException', 500);
  });

  test('reset drops the connection', async () => {
    await sb.control('POST', 'faults', { operation: 'GetRecord', kind: 'reset', rate: 1 });
    await assert.rejects(getRecord(), (err: Error & { code?: string }) => /ECONNRESET|socket hang up/i.test(`${err.code} ${err.message}`));
  });

  test('slow responses trip a client timeout', async () => {
    await sb.control('POST', 'faults', { operation: 'GetRecord', kind: 'slow', rate: 1, delayMs: 1500 });
    const impatient = sb.clients(ANALYTICS, { requestTimeoutMs: 200 });
    await assert.rejects(getRecord(impatient), (err: Error) => err.name === 'TimeoutError');
    await c.sm.send(new ListFeatureGroupsCommand({}));
  });

  test('rate 0 never fires, and DELETE clears every fault', async () => {
    await sb.control('POST', 'faults', { operation: 'GetRecord', kind: 'error500', rate: 0 });
    for (let i = 0; i < 20; i++) await getRecord();
    await sb.control('POST', 'faults', { operation: 'GetRecord', kind: 'error500', rate: 1 });
    assert.equal(((await sb.control('GET', 'faults')).faults as unknown[]).length, 2);
    await sb.control('DELETE', 'faults');
    await getRecord();
  });

  test('a partial rate fails some calls and not others', async () => {
    await sb.control('POST', 'faults', { operation: 'GetRecord', kind: 'error500', rate: 0.5 });
    let failed = 0;
    for (let i = 0; i < 200; i++) await getRecord().catch(() => failed++);
    assert.ok(failed > 0 && failed < 200, `failed ${failed} of 200`);
  });
});

describe('latency', () => {
  test('per-operation latency slows only that operation', async () => {
    await sb.control('POST', 'latency', { ms: 1500, operation: 'GetRecord' });
    const impatient = sb.clients(ANALYTICS, { requestTimeoutMs: 200 });
    await assert.rejects(getRecord(impatient), (err: Error) => err.name === 'TimeoutError');
    await impatient.sm.send(new ListFeatureGroupsCommand({}));
  });

  test('global latency applies to every operation', async () => {
    await sb.control('POST', 'latency', { ms: 1500 });
    const impatient = sb.clients(ANALYTICS, { requestTimeoutMs: 200 });
    await assert.rejects(impatient.sm.send(new ListFeatureGroupsCommand({})), (err: Error) => err.name === 'TimeoutError');
    await sb.control('POST', 'latency', { ms: 0 });
    await impatient.sm.send(new ListFeatureGroupsCommand({}));
  });
});
