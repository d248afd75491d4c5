// The sharing story end to end through src/aws: analytics shares, marketing accepts and writes,
// analytics reads what marketing wrote; plus rejecting, refusals and validation before any call.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { featureGroupArn } from '../../src/aws/arn';
import { AwsCallError } from '../../src/aws/errors';
import type { ManagedPermission } from '../../src/aws/model';
import { RecordValidationError, nowEventTime } from '../../src/aws/records';
import { ANALYTICS, MARKETING, PARTNER, REGION, startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;
let permissions: ManagedPermission[];

before(async () => {
  t = await startAwsTestEnv();
  permissions = await t.sharing.listFeatureGroupPermissions(t.ctx('analytics'));
});

after(async () => {
  await t.close();
});

function permission(grants: ManagedPermission['grants']): string {
  const p = permissions.find((x) => x.grants === grants);
  assert.ok(p, `no ${grants} permission`);
  return p.arn;
}

describe('permissions', () => {
  test('feature-group permissions only, ReadOnly first, then ReadWrite, then Admin', () => {
    assert.deepEqual(permissions.map((p) => [p.name, p.grants]), [
      ['AWSRAMPermissionSageMakerFeatureGroupReadOnly', 'readOnly'],
      ['AWSRAMPermissionSageMakerFeatureGroupReadWrite', 'readWrite'],
      ['AWSRAMPermissionSageMakerFeatureGroupAdmin', 'admin'],
    ]);
    assert.equal(permissions[0].isResourceTypeDefault, true);
  });
});

describe('share transactions with marketing, read/write', () => {
  const transactionsArn = featureGroupArn(REGION, ANALYTICS, 'transactions');
  let shareArn = '';
  let invitationArn = '';

  test('analytics creates the share with a default name', async () => {
    const { share, principals } = await t.sharing.shareFeatureGroup(t.ctx('analytics'), {
      featureGroupArn: transactionsArn,
      permissionArn: permission('readWrite'),
      principals: [MARKETING, ` ${MARKETING} `],
    });
    assert.deepEqual(principals.map((p) => [p.entity, p.status]), [[MARKETING, 'ASSOCIATING']], 'invited: sharing with the organization is not enabled');
    assert.equal(share.name, 'transactions-for-222222222222');
    assert.equal(share.owningAccountId, ANALYTICS);
    assert.equal(share.allowExternalPrincipals, true);
    assert.equal(share.status, 'ACTIVE');
    shareArn = share.arn;
  });

  test('marketing sees a pending invitation from analytics', async () => {
    const invitations = await t.sharing.listInvitations(t.ctx('marketing'));
    const mine = invitations.filter((i) => i.resourceShareArn === shareArn);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].status, 'PENDING');
    assert.equal(mine[0].senderAccountId, ANALYTICS);
    assert.equal(mine[0].receiverAccountId, MARKETING);
    assert.equal(mine[0].resourceShareName, 'transactions-for-222222222222');
    assert.ok(mine[0].invitationTime instanceof Date);
    invitationArn = mine[0].arn;
  });

  test('accepting marks the invitation ACCEPTED', async () => {
    const accepted = await t.sharing.acceptInvitation(t.ctx('marketing'), invitationArn);
    assert.equal(accepted.status, 'ACCEPTED');
    assert.equal(accepted.arn, invitationArn);
  });

  test('accepting twice explains it was already accepted', async () => {
    await assert.rejects(t.sharing.acceptInvitation(t.ctx('marketing'), invitationArn), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'ResourceShareInvitationAlreadyAcceptedException');
      assert.match(err.userMessage, /already accepted/);
      return true;
    });
  });

  test('transactions is now listed once for marketing, as read/write', async () => {
    const shared = await t.catalog.listSharedWithMe(t.ctx('marketing'));
    const rows = shared.filter((g) => g.name === 'transactions');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].access, 'readWrite');
    assert.equal(rows[0].resourceShareArn, shareArn);
  });

  test('marketing reads and writes a record by ARN; analytics reads the new value', async () => {
    const group = await t.catalog.describe(t.ctx('marketing'), transactionsArn, 'readWrite');
    const before = await t.records.get(t.ctx('marketing'), group, 't-5001');
    assert.ok(before);
    assert.equal(before.values.transaction_id, 't-5001');
    assert.ok(before.expiresAt, 'the group TTL makes GetRecord return ExpiresAt');

    const eventTime = nowEventTime(group.features.find((f) => f.name === group.eventTimeFeatureName)!);
    await t.records.put(t.ctx('marketing'), group, { ...before.values, amount: '4242.5', event_time: eventTime, merchant_category: '' });

    const ownerView = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    const after = await t.records.get(t.ctx('analytics'), ownerView, 't-5001');
    assert.equal(after?.values.amount, '4242.5');
    assert.equal(after?.values.event_time, eventTime);
    assert.equal(after?.values.merchant_category, undefined, 'an empty value is not sent, and PutRecord overwrites the record');
  });

  test('asking for some features only returns those', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    const r = await t.records.get(t.ctx('analytics'), group, 't-5002', { featureNames: ['amount', 'is_fraud'] });
    assert.deepEqual(Object.keys(r?.values ?? {}).sort(), ['amount', 'is_fraud']);
  });

  test('an unknown record id is undefined, not an error', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'transactions');
    assert.equal(await t.records.get(t.ctx('marketing'), group, 'no-such-transaction'), undefined);
  });
});

describe('read-only shares and validation', () => {
  const profileArn = featureGroupArn(REGION, ANALYTICS, 'customer-profile');

  test('marketing reads customer-profile lists as string arrays', async () => {
    const group = await t.catalog.describe(t.ctx('marketing'), profileArn, 'readOnly');
    const r = await t.records.get(t.ctx('marketing'), group, 'c-1001');
    assert.ok(Array.isArray(r?.values.preferred_channels));
    assert.equal(r?.expiresAt, undefined, 'no TTL, no ExpiresAt');
  });

  test('writing through a read-only share is refused by AWS, and explained', async () => {
    const group = await t.catalog.describe(t.ctx('marketing'), profileArn, 'readOnly');
    await assert.rejects(
      t.records.put(t.ctx('marketing'), group, { customer_id: 'c-9', event_time: '2030-01-01T00:00:00Z', age: '30' }),
      (err: unknown) => {
        assert.ok(err instanceof AwsCallError);
        assert.equal(err.code, 'AccessForbidden');
        assert.equal(err.userMessage, 'Profile marketing may not PutRecord on customer-profile: the share grants read-only access. Ask the owner (111111111111) for a ReadWrite share.');
        return true;
      },
    );
  });

  test('an invalid record is refused before any call', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
    t.log.length = 0;
    await assert.rejects(
      t.records.put(t.ctx('analytics'), group, { customer_id: 'c-1', event_time: '2030-01-01', age: '9223372036854775808', nickname: 'x' }),
      (err: unknown) => {
        assert.ok(err instanceof RecordValidationError);
        assert.deepEqual(err.problems.map((p) => p.feature).sort(), ['age', 'event_time', 'nickname']);
        return true;
      },
    );
    assert.deepEqual(t.log, []);
  });

  test('a vector of the wrong length never reaches AWS', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'product-catalog');
    t.log.length = 0;
    await assert.rejects(
      t.records.put(t.ctx('analytics'), group, { product_id: 'p-9', event_time: '2030-01-01T00:00:00Z', embedding: ['1', '2'] }),
      RecordValidationError,
    );
    assert.deepEqual(t.log, []);
  });

  test('collections round-trip through PutRecord and GetRecord', async () => {
    const group = await t.catalog.describe(t.ctx('analytics'), 'product-catalog');
    await t.records.put(t.ctx('analytics'), group, {
      product_id: 'p-9', event_time: '2030-01-01T00:00:00.123456Z', title: 'Mug', price: '12.5', tags: ['kitchen', 'gift'], embedding: ['0.1', '0.2', '0.3', '0.4'],
    });
    const r = await t.records.get(t.ctx('analytics'), group, 'p-9');
    assert.deepEqual(r?.values, {
      product_id: 'p-9', event_time: '2030-01-01T00:00:00.123456Z', title: 'Mug', price: '12.5', tags: ['kitchen', 'gift'], embedding: ['0.1', '0.2', '0.3', '0.4'],
    });
  });
});

describe('refusals before any call', () => {
  const churnArn = featureGroupArn(REGION, ANALYTICS, 'churn-scores');

  for (const [label, principals, code, message] of [
    ['a short account id', ['22222'], 'InvalidPrincipal', /"22222" has 5 digits/],
    ['the own account', [ANALYTICS], 'InvalidPrincipal', /111111111111 is your own account/],
    ['an empty selection', [' ', ''], 'NoPrincipals', /at least one/],
  ] as const) {
    test(`${label} is refused without calling RAM`, async () => {
      t.log.length = 0;
      await assert.rejects(
        t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: churnArn, permissionArn: permission('readOnly'), principals: [...principals] }),
        (err: unknown) => {
          assert.ok(err instanceof AwsCallError);
          assert.equal(err.code, code);
          assert.match(err.userMessage, message);
          return true;
        },
      );
      assert.deepEqual(t.log, []);
    });
  }

  test('a name instead of an ARN is refused without calling RAM', async () => {
    t.log.length = 0;
    await assert.rejects(
      t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: 'churn-scores', permissionArn: permission('readOnly'), principals: [MARKETING] }),
      (err: unknown) => err instanceof AwsCallError && err.code === 'InvalidFeatureGroupArn',
    );
    assert.deepEqual(t.log, []);
  });
});

describe('rejecting an invitation', () => {
  test('partner rejects churn-scores; it does not show up as shared', async () => {
    const { share } = await t.sharing.shareFeatureGroup(t.ctx('analytics'), {
      featureGroupArn: featureGroupArn(REGION, ANALYTICS, 'churn-scores'),
      permissionArn: permission('readOnly'),
      principals: [PARTNER],
      shareName: 'churn-for-partner',
    });
    assert.equal(share.name, 'churn-for-partner');
    const invitation = (await t.sharing.listInvitations(t.ctx('partner'))).find((i) => i.resourceShareArn === share.arn);
    assert.equal(invitation?.status, 'PENDING');
    const rejected = await t.sharing.rejectInvitation(t.ctx('partner'), invitation!.arn);
    assert.equal(rejected.status, 'REJECTED');
    const again = (await t.sharing.listInvitations(t.ctx('partner'))).find((i) => i.arn === invitation!.arn);
    assert.equal(again?.status, 'REJECTED');
    assert.deepEqual((await t.catalog.listSharedWithMe(t.ctx('partner'))).map((g) => g.name), []);
    await assert.rejects(t.sharing.acceptInvitation(t.ctx('partner'), invitation!.arn), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.equal(err.code, 'ResourceShareInvitationAlreadyRejectedException');
      return true;
    });
  });

  test('the seeded product-catalog invitation to partner is there and pending', async () => {
    const invitations = await t.sharing.listInvitations(t.ctx('partner'));
    assert.ok(invitations.some((i) => i.status === 'PENDING' && i.senderAccountId === ANALYTICS));
  });

  test('an invitation ARN that does not exist is explained', async () => {
    const bogus = 'arn:aws:ram:us-east-1:111111111111:resource-share-invitation/00000000-0000-0000-0000-000000000000';
    await assert.rejects(t.sharing.acceptInvitation(t.ctx('partner'), bogus), (err: unknown) => {
      assert.ok(err instanceof AwsCallError);
      assert.match(err.code, /ResourceShareInvitationArnNotFoundException|UnknownResourceException/);
      assert.ok(err.userMessage.length > 0);
      return true;
    });
  });
});

describe('failed principal associations', () => {
  test('an account outside the organization on an organization-only share is reported as a failure', async () => {
    await assert.rejects(
      t.sharing.shareFeatureGroup(t.ctx('analytics'), {
        featureGroupArn: featureGroupArn(REGION, ANALYTICS, 'churn-scores'),
        permissionArn: permission('readOnly'),
        principals: [PARTNER],
        shareName: 'org-only',
        allowExternalPrincipals: false,
      }),
      (err: unknown) => {
        assert.ok(err instanceof AwsCallError);
        assert.equal(err.code, 'AssociationFailed');
        assert.match(err.target ?? '', /^arn:aws:ram:us-east-1:111111111111:resource-share\//);
        assert.match(err.userMessage, /^The share "org-only" was created, but RAM could not add 333333333333 \(.*outside your organization.*\)\. This share allows only principals inside your organization/);
        return true;
      },
    );
  });

  test('an account inside the organization on the same kind of share is fine', async () => {
    const { share } = await t.sharing.shareFeatureGroup(t.ctx('analytics'), {
      featureGroupArn: featureGroupArn(REGION, ANALYTICS, 'churn-scores'),
      permissionArn: permission('readOnly'),
      principals: [MARKETING],
      allowExternalPrincipals: false,
    });
    assert.equal(share.allowExternalPrincipals, false);
  });
});

describe('my shares', () => {
  test('analytics lists its shares with their groups and principals, the catalog share included', async () => {
    const shares = await t.sharing.listMyShares(t.ctx('analytics'));
    const byGroup = (name: string) => shares.filter((s) => s.resources.some((r) => r.entity === featureGroupArn(REGION, ANALYTICS, name)));
    const profileShares = byGroup('customer-profile');
    assert.equal(profileShares.length, 1);
    assert.deepEqual(profileShares[0].principals.map((p) => [p.entity, p.status]), [[MARKETING, 'ASSOCIATED']]);
    const pending = byGroup('product-catalog');
    assert.deepEqual(pending[0].principals.map((p) => [p.entity, p.status]), [[PARTNER, 'ASSOCIATING']], 'invited, not accepted yet');
    assert.equal(byGroup('transactions').length, 1);
    for (const s of shares) {
      assert.equal(s.owningAccountId, ANALYTICS);
      assert.ok(s.resources.every((r) => r.entity.includes(':feature-group/') || r.entity.includes(':sagemaker-catalog/')));
    }
    assert.equal(shares.filter((s) => s.resources.some((r) => r.entity.includes(':sagemaker-catalog/'))).length, 1, 'the seeded catalog share');
    assert.deepEqual(await t.sharing.listMyShares(t.ctx('partner')), []);
  });

  test('deleting the transactions share takes marketing back to discover-only', async () => {
    const shares = await t.sharing.listMyShares(t.ctx('analytics'));
    const share = shares.find((s) => s.resources.some((r) => r.entity === featureGroupArn(REGION, ANALYTICS, 'transactions')));
    assert.ok(share);
    await t.sharing.deleteShare(t.ctx('analytics'), share.arn);
    const after = await t.sharing.listMyShares(t.ctx('analytics'));
    assert.equal(after.some((s) => s.arn === share.arn), false);
    const shared = await t.catalog.listSharedWithMe(t.ctx('marketing'));
    assert.equal(shared.find((g) => g.name === 'transactions')?.access, 'discoverOnly');
  });
});
