// The lookup against the demo sandbox through real SDK clients: each listing and each definition is
// fetched once however many references ask, records are read through the right profile, lifetimes
// and cancellation behave, and a failing listing does not hide the others.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { featureGroupArn } from '../../../src/aws/arn';
import { CancelledError, type CancellationLike } from '../../../src/lookup/cancel';
import { GroupDirectory } from '../../../src/lookup/directory';
import { definitionOf, lookUpRecord, resolveReference } from '../../../src/lookup/resolver';
import { servicesSource, type LookupProfile } from '../../../src/lookup/source';
import { ANALYTICS, REGION, startAwsTestEnv, type AwsTestEnv } from '../../integration/awsTestEnv';

const CUSTOMER_ARN = featureGroupArn(REGION, ANALYTICS, 'customer-profile');

let t: AwsTestEnv;
let clockMs = 0;

before(async () => {
  // No response cache in the pool: what is counted here is the lookup's own caching.
  t = await startAwsTestEnv({ pool: { cacheTtlMs: 0 } });
});

after(async () => {
  await t.close();
});

beforeEach(async () => {
  t.log.length = 0;
  clockMs = 0;
  await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
});

function directory(names: string[] = ['analytics', 'marketing', 'partner']): GroupDirectory {
  const profiles: LookupProfile[] = names.map((name) => ({ name, context: t.ctx(name) }));
  return new GroupDirectory(servicesSource(() => t, async () => profiles), { ttlMs: 30_000, recordTtlMs: 10_000, now: () => clockMs });
}

function calls(operation: string): number {
  return t.log.filter((e) => e.operation === operation).length;
}

describe('GroupDirectory and the resolver against the sandbox', () => {
  test('200 references to 3 groups: one listing per profile, one describe per group', async () => {
    const d = directory();
    const targets = ['customer-profile', 'transactions', CUSTOMER_ARN, 'product-catalog'];
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const resolution = await resolveReference(d, targets[i % targets.length]);
        return { resolution, definition: await definitionOf(d, resolution) };
      }),
    );
    assert.equal(calls('ListFeatureGroups'), 3);
    assert.equal(calls('Search'), 3);
    assert.equal(calls('DescribeFeatureGroup'), 3, 'customer-profile by name and by ARN is one group');
    const byArn = results.find((r) => r.resolution.target === CUSTOMER_ARN)!;
    assert.deepEqual(byArn.resolution.reach.map((r) => `${r.profile.name}:${r.access}`), ['analytics:owner', 'marketing:readOnly']);
    assert.equal(byArn.definition.kind === 'described' && byArn.definition.detail.recordIdentifierFeatureName, 'customer_id');
  });

  test('reads a record through the only profile that can: marketing by ARN', async () => {
    const d = directory(['marketing', 'partner']);
    const byName = await resolveReference(d, 'customer-profile');
    assert.deepEqual(byName.otherAccountArns, [CUSTOMER_ARN], 'the bare name needs the ARN without analytics');
    const resolution = await resolveReference(d, CUSTOMER_ARN);
    const found = await lookUpRecord(d, resolution, 'c-1001');
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.profile, 'marketing');
    assert.equal(found.record.values.customer_id, 'c-1001');
    assert.ok(Array.isArray(found.record.values.preferred_channels));
    const missing = await lookUpRecord(d, resolution, 'c-9999');
    assert.equal(missing.kind, 'notFound');
  });

  test('discoverable-only reach reads nothing and calls nothing more', async () => {
    const d = directory(['marketing']);
    const resolution = await resolveReference(d, featureGroupArn(REGION, ANALYTICS, 'transactions'));
    assert.deepEqual(resolution.reach.map((r) => r.access), ['discoverOnly']);
    const before = t.log.length;
    assert.equal((await lookUpRecord(d, resolution, 't-5001')).kind, 'unreadable');
    assert.equal(t.log.length, before);
  });

  test('records and listings live their lifetimes, then are fetched again', async () => {
    const d = directory(['analytics']);
    const resolution = await resolveReference(d, 'customer-profile');
    await lookUpRecord(d, resolution, 'c-1002');
    await lookUpRecord(d, resolution, 'c-1002');
    assert.equal(calls('GetRecord'), 1);
    clockMs += 10_000;
    await lookUpRecord(d, await resolveReference(d, 'customer-profile'), 'c-1002');
    assert.equal(calls('GetRecord'), 2, 'a record lives 10 s');
    assert.equal(calls('ListFeatureGroups'), 1, 'listings live longer');
    clockMs += 20_000;
    await resolveReference(d, 'customer-profile');
    assert.equal(calls('ListFeatureGroups'), 2);
  });

  test('a cancelled caller stops waiting; the call still fills the cache', async () => {
    const d = directory(['analytics']);
    const resolution = await resolveReference(d, 'transactions');
    let cancel!: () => void;
    const token: CancellationLike = {
      isCancellationRequested: false,
      onCancellationRequested(listener) {
        cancel = () => {
          (token as { isCancellationRequested: boolean }).isCancellationRequested = true;
          listener();
        };
        return { dispose() {} };
      },
    };
    const pending = definitionOf(d, resolution, token);
    cancel();
    await assert.rejects(pending, CancelledError);
    const later = await definitionOf(d, resolution);
    assert.equal(later.kind, 'described');
    assert.equal(calls('DescribeFeatureGroup'), 1);
  });

  test('a failing listing is reported and the others still resolve', async () => {
    const res = await fetch(`${t.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'ListResources', kind: 'error500', rate: 1 }),
    });
    assert.equal(res.status, 200);
    const d = directory(['analytics', 'marketing']);
    const resolution = await resolveReference(d, CUSTOMER_ARN);
    assert.deepEqual(resolution.reach.map((r) => r.profile.name), ['analytics']);
    assert.deepEqual(resolution.problems.map((p) => `${p.profile}:${p.listing}`).sort(), ['analytics:shared', 'marketing:shared']);
    const failedCalls = calls('ListResources');
    await resolveReference(d, CUSTOMER_ARN);
    assert.equal(calls('ListResources'), failedCalls, 'the failure is kept for its lifetime: no new call');
  });
});
