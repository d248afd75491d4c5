// The pool's response cache (src/aws/callCache.ts) with real SDK clients against the sandbox: what
// is shared, what is kept, and what a write makes every profile fetch again.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { ListFeatureGroupsCommand } from '@aws-sdk/client-sagemaker';
import { GetRecordCommand, PutRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { AwsCallError } from '../../src/aws/errors';
import { startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;

before(async () => {
  t = await startAwsTestEnv({ pool: { cacheTtlMs: 60_000 } });
});

afterEach(async () => {
  await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
  t.pool.invalidate();
});

after(async () => {
  await t.close();
});

function calls(operation: string): number {
  return t.log.filter((e) => e.operation === operation).length;
}

describe('reads', () => {
  test('concurrent identical listings are made once', async () => {
    t.log.length = 0;
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.catalog.listOwned(t.ctx('analytics'))));
    assert.equal(calls('ListFeatureGroups'), 1);
    assert.deepEqual(a, b);
    assert.deepEqual(b, c);
  });

  test('a listing asked again within the time to live makes no call, and is not logged as one', async () => {
    await t.catalog.listOwned(t.ctx('analytics'));
    await t.catalog.listSharedWithMe(t.ctx('marketing'));
    await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    t.log.length = 0;
    assert.equal((await t.catalog.listOwned(t.ctx('analytics'))).length, 4);
    assert.equal((await t.catalog.listSharedWithMe(t.ctx('marketing'))).length, 4);
    assert.equal((await t.catalog.describe(t.ctx('analytics'), 'customer-profile')).features.length, 6);
    assert.deepEqual(t.log, []);
  });

  test('profiles and arguments are told apart', async () => {
    t.log.length = 0;
    await t.catalog.listOwned(t.ctx('analytics'));
    await t.catalog.listOwned(t.ctx('marketing'));
    await t.pool.sagemaker(t.ctx('analytics')).send(new ListFeatureGroupsCommand({ MaxResults: 2 }));
    assert.equal(calls('ListFeatureGroups'), 3);
  });

  test('every caller gets its own copy: changing one answer does not change the next', async () => {
    const client = t.pool.sagemaker(t.ctx('analytics'));
    const first = await client.send(new ListFeatureGroupsCommand({ MaxResults: 100 }));
    first.FeatureGroupSummaries!.length = 0;
    const second = await client.send(new ListFeatureGroupsCommand({ MaxResults: 100 }));
    second.FeatureGroupSummaries![0].FeatureGroupName = 'changed by a caller';
    const third = await client.send(new ListFeatureGroupsCommand({ MaxResults: 100 }));
    assert.equal(third.FeatureGroupSummaries!.length, 4);
    assert.notEqual(third.FeatureGroupSummaries![0].FeatureGroupName, 'changed by a caller');
    assert.ok(third.FeatureGroupSummaries![0].CreationTime instanceof Date, 'dates stay dates');
  });

  test('a failure is not kept: the retry really calls again', async () => {
    await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ operation: 'ListFeatureGroups', kind: 'error500', rate: 1 }) });
    await assert.rejects(t.catalog.listOwned(t.ctx('analytics')), (err: unknown) => err instanceof AwsCallError && err.code === 'InternalFailure');
    await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    t.log.length = 0;
    assert.equal((await t.catalog.listOwned(t.ctx('analytics'))).length, 4);
    assert.equal(calls('ListFeatureGroups'), 1);
  });

  test('refreshing a profile (pool.invalidate) fetches its listings again, not the other profiles\'', async () => {
    await t.catalog.listOwned(t.ctx('analytics'));
    await t.catalog.listOwned(t.ctx('marketing'));
    t.pool.invalidate('analytics');
    t.log.length = 0;
    await t.catalog.listOwned(t.ctx('analytics'));
    await t.catalog.listOwned(t.ctx('marketing'));
    assert.deepEqual(t.log.filter((e) => e.operation === 'ListFeatureGroups').map((e) => e.profile), ['analytics']);
  });
});

describe('writes', () => {
  test('accepting an invitation refreshes RAM answers and Search for every profile, not the owned groups', async () => {
    const partner = t.ctx('partner');
    await t.catalog.listOwned(t.ctx('analytics'));
    assert.deepEqual(await t.catalog.listSharedWithMe(partner), []);
    const invitations = await t.pool.ram(partner).send(new GetResourceShareInvitationsCommand({}));
    const pending = invitations.resourceShareInvitations!.find((i) => i.status === 'PENDING')!;
    await t.pool.ram(partner).send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: pending.resourceShareInvitationArn! }));

    t.log.length = 0;
    const shared = await t.catalog.listSharedWithMe(partner);
    assert.deepEqual(shared.map((g) => [g.name, g.access]), [['product-catalog', 'readOnly']]);
    const after = await t.pool.ram(partner).send(new GetResourceShareInvitationsCommand({}));
    assert.equal(after.resourceShareInvitations!.find((i) => i.resourceShareInvitationArn === pending.resourceShareInvitationArn)!.status, 'ACCEPTED');
    await t.catalog.listOwned(t.ctx('analytics'));
    assert.equal(calls('ListFeatureGroups'), 0, 'owned groups do not change when a share does');
    assert.ok(calls('ListResources') >= 1 && calls('GetResourceShareInvitations') === 1 && calls('Search') === 1);
  });

  test('records are shared only while in flight, and a write is never hidden by an earlier read', async () => {
    const ctx = t.ctx('analytics');
    const runtime = t.pool.runtime(ctx);
    const get = () => runtime.send(new GetRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1001' }));
    t.log.length = 0;
    await Promise.all([get(), get()]);
    assert.equal(calls('GetRecord'), 1, 'concurrent identical reads are one call');
    await get();
    assert.equal(calls('GetRecord'), 2, 'a record is read again once the first read ended');

    // A read still running when a write ends must not answer the reads asked for after the write.
    await fetch(`${t.sandbox.url}/_sandbox/latency`, { method: 'POST', body: JSON.stringify({ operation: 'GetRecord', ms: 300 }) });
    t.log.length = 0;
    const reading = get();
    await runtime.send(new PutRecordCommand({
      FeatureGroupName: 'customer-profile',
      Record: [
        { FeatureName: 'customer_id', ValueAsString: 'c-1001' },
        { FeatureName: 'event_time', ValueAsString: new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z') },
        { FeatureName: 'segment', ValueAsString: 'written-in-test' },
      ],
    }));
    const afterWrite = get();
    await Promise.all([reading, afterWrite]);
    await fetch(`${t.sandbox.url}/_sandbox/latency`, { method: 'POST', body: JSON.stringify({ ms: 0 }) });
    assert.equal(calls('GetRecord'), 2, 'the read after the write is a call of its own');
    const segment = (await afterWrite).Record!.find((f) => f.FeatureName === 'segment')!.ValueAsString;
    assert.equal(segment, 'written-in-test');
  });
});
