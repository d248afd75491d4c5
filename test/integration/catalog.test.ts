// src/aws listing and describing against the demo sandbox, through profiles read from a temp config.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AwsCallError } from '../../src/aws/errors';
import { featureGroupArn } from '../../src/aws/arn';
import { ANALYTICS, MARKETING, REGION, startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;

before(async () => {
  t = await startAwsTestEnv();
});

after(async () => {
  await t.close();
});

describe('profiles to clients', () => {
  test('the temp config profiles point every service at the sandbox', () => {
    const analytics = t.ctx('analytics').profile;
    assert.equal(analytics.kind, 'static');
    assert.deepEqual(analytics.endpoints, { sagemaker: t.sandbox.url, featurestoreRuntime: t.sandbox.url, ram: t.sandbox.url, sts: t.sandbox.url });
  });

  test('callerAccountId comes from STS with the profile key', async () => {
    assert.equal(await t.catalog.callerAccountId(t.ctx('analytics')), ANALYTICS);
    assert.equal(await t.catalog.callerAccountId(t.ctx('marketing')), MARKETING);
  });

  test('clients are cached per profile and service, and rebuilt after invalidate', () => {
    const ctx = t.ctx('analytics');
    const first = t.pool.sagemaker(ctx);
    assert.equal(t.pool.sagemaker(ctx), first);
    assert.notEqual(t.pool.sagemaker(t.ctx('marketing')), first);
    t.pool.invalidate('marketing');
    assert.equal(t.pool.sagemaker(ctx), first);
    t.pool.invalidate('analytics');
    assert.notEqual(t.pool.sagemaker(ctx), first);
  });
});

describe('listOwned', () => {
  test('analytics owns the four demo groups, sorted by name', async () => {
    const owned = await t.catalog.listOwned(t.ctx('analytics'));
    assert.deepEqual(owned.map((g) => g.name), ['churn-scores', 'customer-profile', 'product-catalog', 'transactions']);
    for (const g of owned) {
      assert.equal(g.access, 'owner');
      assert.equal(g.ownerAccountId, ANALYTICS);
      assert.equal(g.region, REGION);
      assert.equal(g.arn, featureGroupArn(REGION, ANALYTICS, g.name));
      assert.ok(g.creationTime instanceof Date);
    }
  });

  test('marketing owns only campaign-responses', async () => {
    const owned = await t.catalog.listOwned(t.ctx('marketing'));
    assert.deepEqual(owned.map((g) => [g.name, g.ownerAccountId]), [['campaign-responses', MARKETING]]);
  });
});

describe('listSharedWithMe', () => {
  test('marketing: customer-profile read-only through its share, the other analytics groups discoverable only', async () => {
    const shared = await t.catalog.listSharedWithMe(t.ctx('marketing'));
    assert.deepEqual(shared.map((g) => [g.name, g.access]), [
      ['churn-scores', 'discoverOnly'],
      ['customer-profile', 'readOnly'],
      ['product-catalog', 'discoverOnly'],
      ['transactions', 'discoverOnly'],
    ]);
    assert.equal(new Set(shared.map((g) => g.arn)).size, shared.length, 'no duplicates');
    const profile = shared.find((g) => g.name === 'customer-profile')!;
    assert.equal(profile.ownerAccountId, ANALYTICS);
    assert.match(profile.resourceShareArn ?? '', /^arn:aws:ram:us-east-1:111111111111:resource-share\//);
    assert.match(profile.permissionName ?? '', /FeatureGroupReadOnly$/i);
    assert.equal(shared.find((g) => g.name === 'transactions')!.resourceShareArn, undefined);
  });

  test('one listing asks RAM (resources, and shares by managed permission alongside) and Search; no per-share lookup', async () => {
    t.log.length = 0;
    await t.catalog.listSharedWithMe(t.ctx('marketing'));
    const ops = t.log.map((e) => `${e.service}:${e.operation}`);
    assert.ok(ops.includes('ram:ListResources'));
    assert.equal(ops.filter((o) => o === 'ram:GetResourceShares').length, 3, 'one per managed feature-group permission');
    assert.ok(!ops.includes('ram:ListResourceSharePermissions'), 'the ReadOnly share is classified without a second round trip');
    assert.ok(ops.includes('sagemaker:Search'));
  });

  test('partner, with only a pending invitation, sees nothing shared yet', async () => {
    assert.deepEqual(await t.catalog.listSharedWithMe(t.ctx('partner')), []);
  });

  test('analytics, sharing but not shared with, sees nothing', async () => {
    assert.deepEqual(await t.catalog.listSharedWithMe(t.ctx('analytics')), []);
  });
});

describe('describe', () => {
  test('an owned group by name: types, collections, vector dimension, store settings', async () => {
    const g = await t.catalog.describe(t.ctx('analytics'), 'product-catalog');
    assert.equal(g.access, 'owner');
    assert.equal(g.recordIdentifierFeatureName, 'product_id');
    assert.equal(g.eventTimeFeatureName, 'event_time');
    assert.deepEqual(g.features.find((f) => f.name === 'embedding'), { name: 'embedding', type: 'Fractional', collection: 'Vector', vectorDimension: 4 });
    assert.deepEqual(g.features.find((f) => f.name === 'tags'), { name: 'tags', type: 'String', collection: 'Set' });
    assert.deepEqual(g.features.find((f) => f.name === 'price'), { name: 'price', type: 'Fractional' });
    assert.equal(g.storageType, 'InMemory');
    assert.equal(g.onlineStoreEnabled, true);
  });

  test('transactions has a 30-day TTL and an offline store', async () => {
    const g = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    assert.deepEqual(g.defaultTtl, { unit: 'Days', value: 30 });
    assert.equal(g.offlineStoreEnabled, true);
    assert.equal(g.storageType, 'Standard');
  });

  test('a shared group by ARN from the consumer; access level taken from the caller when not given', async () => {
    const arn = featureGroupArn(REGION, ANALYTICS, 'customer-profile');
    const given = await t.catalog.describe(t.ctx('marketing'), arn, 'readOnly');
    assert.equal(given.access, 'readOnly');
    assert.equal(given.ownerAccountId, ANALYTICS);
    assert.deepEqual(given.features.find((f) => f.name === 'preferred_channels'), { name: 'preferred_channels', type: 'String', collection: 'List' });
    assert.ok(given.description);
    const guessed = await t.catalog.describe(t.ctx('analytics'), arn);
    assert.equal(guessed.access, 'owner');
  });

  test('a discover-only group cannot be described: the error says why', async () => {
    const arn = featureGroupArn(REGION, ANALYTICS, 'transactions');
    await assert.rejects(t.catalog.describe(t.ctx('marketing'), arn, 'discoverOnly'), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'AccessDeniedException');
      assert.equal(err.operation, 'DescribeFeatureGroup');
      assert.equal(err.profile, 'marketing');
      assert.match(err.userMessage, /only discoverable .*Ask the owner \(111111111111\)/);
      return true;
    });
  });

  test('an unknown own group is ResourceNotFound', async () => {
    await assert.rejects(t.catalog.describe(t.ctx('analytics'), 'no-such-group'), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'ResourceNotFound');
      assert.match(err.userMessage, /no-such-group was not found for profile analytics/);
      return true;
    });
  });
});

describe('call log', () => {
  test('one entry per call with profile, region, service, operation and duration; nothing else', async () => {
    t.log.length = 0;
    await t.catalog.listOwned(t.ctx('analytics'));
    const entry = t.log.find((e) => e.operation === 'ListFeatureGroups');
    assert.ok(entry);
    assert.deepEqual(Object.keys(entry).sort(), ['durationMs', 'operation', 'profile', 'region', 'service']);
    assert.equal(entry.profile, 'analytics');
    assert.equal(entry.region, REGION);
    assert.equal(entry.service, 'sagemaker');
    assert.ok(entry.durationMs >= 0);
  });

  test('a failed call is logged with its error code', async () => {
    t.log.length = 0;
    await assert.rejects(t.catalog.describe(t.ctx('analytics'), 'no-such-group'));
    assert.deepEqual(t.log.map((e) => [e.operation, e.errorCode]), [['DescribeFeatureGroup', 'ResourceNotFound']]);
  });
});
