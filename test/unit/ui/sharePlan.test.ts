// The share flow's decisions: permission matching, account checks, confirmation wording.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FeatureGroupSummary, ManagedPermission } from '../../../src/aws/model';
import {
  accessSummary,
  accountsOrProblem,
  audienceChoices,
  audienceConsequence,
  catalogShareConfirmation,
  findPermission,
  groupsOfArgs,
  isCatalogShareArgs,
  principalsOrProblem,
  shareResultMessage,
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

describe('several groups, every principal kind, and the audience', () => {
  const churn: FeatureGroupSummary = { ...group, name: 'churn-scores', arn: group.arn.replace('transactions', 'churn-scores') };
  const OU = 'arn:aws:organizations::111111111111:ou/o-demo1234567/ou-demo-mkt12345';

  test('principalsOrProblem takes accounts and ARNs, and reports the problems in one line', () => {
    assert.deepEqual(principalsOrProblem(`222222222222 ${OU}`, '111111111111'), { principals: ['222222222222', OU] });
    const r = principalsOrProblem('12345, o-abc', '111111111111');
    assert.ok('problem' in r);
    assert.match(r.problem, /"12345" has 5 digits.*\(1 more problem\)$/);
  });

  test('the confirmation names the groups, the principals and the consequence of the audience', () => {
    const both = shareConfirmation([group, churn], permissions[0], ['222222222222', OU], false);
    assert.equal(both.message, 'Share 2 feature groups (transactions, churn-scores) with 2 principals (222222222222, OU ou-demo-mkt12345) as read-only?');
    assert.match(both.detail, /RAM fails any account outside it/);
    assert.match(shareConfirmation(group, permissions[0], [OU], true).message, /with OU ou-demo-mkt12345 as/);
    assert.match(shareConfirmation(group, permissions[0], ['222222222222'], true).detail, /get an invitation/);
  });

  test('the two audience choices state allowExternalPrincipals and what follows', () => {
    const [external, inside] = audienceChoices();
    assert.equal(external.allowExternalPrincipals, true);
    assert.match(external.detail, /invitation/);
    assert.equal(inside.allowExternalPrincipals, false);
    assert.match(inside.detail, /refuses accounts outside/);
    assert.match(audienceConsequence(false), /reported as a failure/);
  });

  test('the catalog confirmation says what it grants and what not', () => {
    const c = catalogShareConfirmation('111111111111', 'us-east-1', ['333333333333'], true, 'AWSRAMPermissionSageMakerCatalogResourceSearch');
    assert.equal(c.message, 'Share the feature group catalog of 111111111111 (us-east-1) with account 333333333333?');
    assert.match(c.detail, /What it grants: .*Search/);
    assert.match(c.detail, /What it does not: .*read or write records/);
    assert.match(c.detail, /the only permission RAM allows on the catalog/);
  });

  test('the result says who has access now and who was invited, never waiting for an invitation that will not come', () => {
    const change = {
      share: { arn: 'arn:s', name: 'orders', owningAccountId: '111111111111', status: 'ACTIVE', allowExternalPrincipals: true },
      resources: [],
      principals: [
        { entity: '222222222222', status: 'ASSOCIATED' },
        { entity: OU, status: 'ASSOCIATED' },
        { entity: '333333333333', status: 'ASSOCIATING' },
      ],
    };
    assert.equal(
      shareResultMessage('transactions', change, permissions[1]),
      'Shared transactions (read/write) through the resource share "orders". 222222222222 and OU ou-demo-mkt12345 have access now (no invitation needed). 333333333333 was sent an invitation: access starts once it is accepted.',
    );
    assert.equal(accessSummary([{ entity: '222222222222', status: 'ASSOCIATED' }]), '222222222222 has access now (no invitation needed).');
  });

  test('args: one group, several groups, and the catalog', () => {
    assert.ok(isShareArgs({ profile: 'a', featureGroups: ['x', 'y'], principals: '1', allowExternalPrincipals: false }));
    assert.ok(!isShareArgs({ profile: 'a', featureGroups: ['x', 2] }));
    assert.deepEqual(groupsOfArgs({ profile: 'a', featureGroup: 'x', featureGroups: ['x', 'y'] }), ['x', 'y']);
    assert.ok(isCatalogShareArgs({ profile: 'a', principals: '2', confirm: false }));
    assert.ok(!isCatalogShareArgs({ profile: 'a', principals: '2', featureGroup: 'x' }));
  });
});
