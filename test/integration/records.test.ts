// Records through src/aws against the sandbox: read, write, delete and batch-read, in the owner's
// account and across accounts by ARN with each permission (read-only, read/write, admin, none).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AcceptResourceShareInvitationCommand, CreateResourceShareCommand, GetResourceShareInvitationsCommand } from '@aws-sdk/client-ram';
import { featureGroupArn } from '../../src/aws/arn';
import { AwsCallError } from '../../src/aws/errors';
import type { AccessLevel, FeatureGroupDetail } from '../../src/aws/model';
import { nowEventTime, RecordValidationError } from '../../src/aws/records';
import { ANALYTICS, MARKETING, REGION, startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;
const arn = (name: string) => featureGroupArn(REGION, ANALYTICS, name);
const PERMISSION = 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroup';

/** analytics shares `group` with marketing under `permission`; marketing accepts the invitation. */
async function shareWithMarketing(group: string, permission: 'ReadWrite' | 'Admin'): Promise<void> {
  const created = await t.pool.ram(t.ctx('analytics')).send(
    new CreateResourceShareCommand({ name: `${group}-${permission}`, resourceArns: [arn(group)], principals: [MARKETING], permissionArns: [`${PERMISSION}${permission}`] }),
  );
  const invitations = await t.pool.ram(t.ctx('marketing')).send(new GetResourceShareInvitationsCommand({}));
  const invitation = invitations.resourceShareInvitations?.find((i) => i.resourceShareArn === created.resourceShare?.resourceShareArn);
  assert.ok(invitation?.resourceShareInvitationArn, `marketing got an invitation for ${group}`);
  await t.pool.ram(t.ctx('marketing')).send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation.resourceShareInvitationArn }));
}

/** The group as marketing sees it; a discoverable-only group cannot be described, so the owner's definition is used. */
async function asMarketing(group: string, access: AccessLevel): Promise<FeatureGroupDetail> {
  if (access === 'discoverOnly') return { ...(await t.catalog.describe(t.ctx('analytics'), group)), access };
  return t.catalog.describe(t.ctx('marketing'), arn(group), access);
}

function eventTimeOf(group: FeatureGroupDetail): string {
  return nowEventTime(group.features.find((f) => f.name === group.eventTimeFeatureName)!);
}

before(async () => {
  t = await startAwsTestEnv();
  await shareWithMarketing('transactions', 'ReadWrite');
  await shareWithMarketing('product-catalog', 'Admin');
});

after(async () => {
  await t.close();
});

describe('owner', () => {
  test('GetRecord: values by type, a subset of features, and ExpiresAt from the group TTL', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    const r = await t.records.get(t.ctx('analytics'), profile, 'c-1001');
    assert.ok(r);
    assert.equal(typeof r.values.age, 'string');
    assert.ok(Array.isArray(r.values.preferred_channels));
    assert.equal(r.expiresAt, undefined, 'no TTL, no ExpiresAt');
    const transactions = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    const tx = await t.records.get(t.ctx('analytics'), transactions, 't-5001', { featureNames: ['amount'] });
    assert.deepEqual(Object.keys(tx?.values ?? {}), ['amount']);
    assert.match(tx?.expiresAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
  });

  test('a missing record is undefined; a missing group is an error', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    assert.equal(await t.records.get(t.ctx('analytics'), profile, 'no-such-customer'), undefined);
    const gone = { ...profile, name: 'gone', arn: arn('gone') };
    await assert.rejects(t.records.get(t.ctx('analytics'), gone, 'c-1001'), (err: unknown) => err instanceof AwsCallError && err.code === 'ResourceNotFound');
  });

  test('an Integral above 2^53 and a per-record TTL round-trip exactly', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    await t.records.put(t.ctx('analytics'), profile, { customer_id: 'c-big', event_time: '2030-01-01T00:00:00.123456789Z', age: '9223372036854775807', preferred_channels: [] }, { ttl: { unit: 'Hours', value: 2 } });
    const r = await t.records.get(t.ctx('analytics'), profile, 'c-big');
    assert.equal(r?.values.age, '9223372036854775807');
    assert.equal(r?.values.event_time, '2030-01-01T00:00:00.123456789Z');
    assert.equal(r?.expiresAt, '2030-01-01T02:00:00.123Z');
  });

  test('an older event time leaves the online record alone', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    await t.records.put(t.ctx('analytics'), profile, { customer_id: 'c-old', event_time: '2030-01-01T00:00:00Z', age: '1' });
    await t.records.put(t.ctx('analytics'), profile, { customer_id: 'c-old', event_time: '2029-01-01T00:00:00Z', age: '2' });
    assert.equal((await t.records.get(t.ctx('analytics'), profile, 'c-old'))?.values.age, '1');
  });

  test('SoftDelete and HardDelete, each with an event time after a stored one in the future', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    for (const [id, hard] of [['c-soft', false], ['c-hard', true]] as const) {
      await t.records.put(t.ctx('analytics'), profile, { customer_id: id, event_time: '2031-01-01T00:00:00Z', age: '5' });
      const used = await t.records.delete(t.ctx('analytics'), profile, id, { hard, storedEventTime: '2031-01-01T00:00:00Z' });
      assert.equal(used, '2031-01-01T00:00:01Z');
      assert.equal(await t.records.get(t.ctx('analytics'), profile, id), undefined, `${id} is gone`);
    }
    // Without the stored time, now is older than 2031: a HardDelete is refused, as AWS does.
    await t.records.put(t.ctx('analytics'), profile, { customer_id: 'c-future', event_time: '2031-01-01T00:00:00Z', age: '5' });
    await assert.rejects(t.records.delete(t.ctx('analytics'), profile, 'c-future', { hard: true }), (err: unknown) => err instanceof AwsCallError && err.code === 'ValidationError');
  });

  test('BatchGetRecord: found, missing, duplicates once, subset of features, ExpiresAt', async () => {
    const transactions = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    const result = await t.records.batchGet(t.ctx('analytics'), transactions, ['t-5001', 't-9999', 't-5002', 't-5001'], { featureNames: ['amount'] });
    assert.deepEqual(result.rows.map((r) => [r.recordId, r.status]), [['t-5001', 'found'], ['t-9999', 'notFound'], ['t-5002', 'found']]);
    assert.deepEqual(Object.keys(result.rows[0].values ?? {}), ['amount']);
    assert.ok(result.rows[0].expiresAt);
    assert.equal(result.calls, 1);
  });

  test('BatchGetRecord with 250 ids makes three calls of at most 100', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    t.log.length = 0;
    const ids = Array.from({ length: 250 }, (_, i) => (i < 5 ? `c-100${i + 1}` : `missing-${i}`));
    const result = await t.records.batchGet(t.ctx('analytics'), profile, ids);
    assert.equal(result.rows.length, 250);
    assert.equal(result.rows.filter((r) => r.status === 'found').length, 5);
    assert.equal(t.log.filter((e) => e.operation === 'BatchGetRecord').length, 3);
    assert.equal(result.calls, 3);
  });

  test('invalid ids are refused before any call', async () => {
    const profile = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    t.log.length = 0;
    await assert.rejects(t.records.batchGet(t.ctx('analytics'), profile, ['c-1', '']), RecordValidationError);
    await assert.rejects(t.records.get(t.ctx('analytics'), profile, '   '), RecordValidationError);
    assert.deepEqual(t.log, []);
  });
});

describe('across accounts by ARN, with each permission', () => {
  const cases: Array<{ group: string; access: AccessLevel; read: boolean; write: boolean; id: string }> = [
    { group: 'customer-profile', access: 'readOnly', read: true, write: false, id: 'c-1003' },
    { group: 'transactions', access: 'readWrite', read: true, write: true, id: 't-5003' },
    { group: 'product-catalog', access: 'admin', read: true, write: true, id: 'p-2' },
    { group: 'churn-scores', access: 'discoverOnly', read: false, write: false, id: 'x-1' },
  ];

  for (const c of cases) {
    test(`${c.access} (${c.group}): read ${c.read ? 'allowed' : 'refused'}, write and delete ${c.write ? 'allowed' : 'refused'}`, async () => {
      const ctx = t.ctx('marketing');
      const group = await asMarketing(c.group, c.access);
      assert.equal(group.arn, arn(c.group));
      const refused = (op: string) => (err: unknown) => {
        assert.ok(err instanceof AwsCallError, String(err));
        assert.equal(err.code, 'AccessForbidden');
        assert.equal(err.operation, op);
        assert.match(err.userMessage, /marketing/);
        return true;
      };
      if (c.read) {
        const r = await t.records.get(ctx, group, c.id);
        assert.equal(r?.values[group.recordIdentifierFeatureName], c.id);
        const batch = await t.records.batchGet(ctx, group, [c.id, 'nope']);
        assert.deepEqual(batch.rows.map((row) => row.status), ['found', 'notFound']);
      } else {
        await assert.rejects(t.records.get(ctx, group, c.id), refused('GetRecord'));
        await assert.rejects(t.records.batchGet(ctx, group, [c.id]), refused('BatchGetRecord'));
      }
      const id = `${c.id}-m`;
      const values: Record<string, string | string[]> = { [group.recordIdentifierFeatureName]: id, [group.eventTimeFeatureName]: eventTimeOf(group) };
      if (c.write) {
        await t.records.put(ctx, group, values);
        assert.equal((await t.records.get(t.ctx('analytics'), { ...group, access: 'owner' }, id))?.values[group.recordIdentifierFeatureName], id, 'the owner sees the write');
        await t.records.delete(ctx, group, id, { hard: true });
        assert.equal(await t.records.get(t.ctx('analytics'), { ...group, access: 'owner' }, id), undefined, 'and the delete');
      } else {
        await assert.rejects(t.records.put(ctx, group, values), refused('PutRecord'));
        await assert.rejects(t.records.delete(ctx, group, c.id), refused('DeleteRecord'));
      }
    });
  }

  test('an account with only a pending invitation cannot read', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'product-catalog');
    await assert.rejects(t.records.get(t.ctx('partner'), { ...group, access: 'discoverOnly' }, 'p-1'), (err: unknown) => err instanceof AwsCallError && err.code === 'AccessForbidden');
  });
});
