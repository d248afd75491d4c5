// The share flow's decisions: permission matching, account checks, confirmation wording.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureGroupSummary, ManagedPermission } from '../../../src/aws/model';
import {
  accountsOrProblem,
  findPermission,
  isShareArgs,
  notOwnedMessage,
  permissionExplanation,
  permissionLabel,
  shareConfirmation,
} from '../../../src/commands/sharePlan';

const base = 'arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerFeatureGroup';
const permissions: ManagedPermission[] = [
  { arn: `${base}ReadOnly`, name: 'AWSRAMPermissionSageMakerFeatureGroupReadOnly', isResourceTypeDefault: true, grants: 'readOnly' },
  { arn: `${base}ReadWrite`, name: 'AWSRAMPermissionSageMakerFeatureGroupReadWrite', isResourceTypeDefault: false, grants: 'readWrite' },
  { arn: `${base}Admin`, name: 'AWSRAMPermissionSageMakerFeatureGroupAdmin', isResourceTypeDefault: false, grants: 'admin' },
];

const group: FeatureGroupSummary = {
  name: 'transactions',
  arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/transactions',
  ownerAccountId: '111111111111',
  region: 'us-east-1',
  access: 'owner',
};

describe('findPermission', () => {
  test('matches ARNs and names case-insensitively', () => {
    assert.equal(findPermission(permissions, `${base.toLowerCase()}readwrite`)?.grants, 'readWrite');
    assert.equal(findPermission(permissions, 'AWSRAMPermissionSagemakerFeatureGroupAdmin')?.grants, 'admin');
  });
  test('matches access words', () => {
    assert.equal(findPermission(permissions, 'ReadOnly')?.grants, 'readOnly');
    assert.equal(findPermission(permissions, 'read-write')?.grants, 'readWrite');
    assert.equal(findPermission(permissions, 'owner'), undefined);
    assert.equal(findPermission(permissions, ''), undefined);
  });
});

describe('accountsOrProblem', () => {
  test('accepts one or more 12-digit ids, de-duplicated', () => {
    assert.deepEqual(accountsOrProblem('222222222222, 333333333333 222222222222', '111111111111'), { ids: ['222222222222', '333333333333'] });
  });
  test('refuses empty input, wrong lengths, letters and the own account', () => {
    for (const bad of ['', '   ', '12345', '22222222222a', '111111111111', '222222222222, 1234']) {
      const r = accountsOrProblem(bad, '111111111111');
      assert.ok('problem' in r, `accepted ${JSON.stringify(bad)}`);
      assert.ok(r.problem.length > 10);
    }
    assert.match((accountsOrProblem('111111111111', '111111111111') as { problem: string }).problem, /own account/);
  });
});

describe('wording', () => {
  test('labels and explanations are plain words', () => {
    assert.deepEqual(permissions.map(permissionLabel), ['Read-only', 'Read/write', 'Admin']);
    assert.match(permissionExplanation(permissions[0]), /read records/);
    assert.match(permissionExplanation(permissions[1]), /PutRecord/);
    assert.match(permissionExplanation(permissions[2]), /UpdateFeatureGroup/);
  });
  test('the confirmation names the group, the permission and the accounts', () => {
    const one = shareConfirmation(group, permissions[0], ['222222222222']);
    assert.equal(one.message, 'Share transactions with account 222222222222 as read-only?');
    assert.match(one.detail, /AWSRAMPermissionSageMakerFeatureGroupReadOnly/);
    const two = shareConfirmation(group, permissions[1], ['222222222222', '333333333333']);
    assert.match(two.message, /2 accounts \(222222222222, 333333333333\) as read\/write/);
  });
  test('a group of another account cannot be shared', () => {
    assert.match(notOwnedMessage({ ...group, ownerAccountId: '999999999999', access: 'readWrite' }, 'marketing'), /belongs to account 999999999999/);
  });
  test('isShareArgs checks the shape', () => {
    assert.ok(isShareArgs({ profile: 'a', featureGroup: 'b', permission: 'ReadOnly', accounts: '1', confirm: false }));
    assert.ok(!isShareArgs({ profile: 'a' }));
    assert.ok(!isShareArgs({ profile: 'a', featureGroup: 'b', confirm: 'no' }));
  });
});
