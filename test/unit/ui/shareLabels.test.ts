// "My shares" rows: status and permission of a share, what each association status means for a
// group or a principal, and what to do about the ones that do not get access.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OwnedResourceShare } from '../../../src/aws/model';
import { invitationDescription } from '../../../src/tree/labels';
import {
  isCatalogShare,
  memberTooltip,
  mySharesSummary,
  principalAdvice,
  principalDescription,
  principalLabel,
  resourceDescription,
  resourceLabel,
  shareDescription,
  shareTooltip,
} from '../../../src/tree/shareLabels';

const FG = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/transactions';
const CATALOG = 'arn:aws:sagemaker:us-east-1:111111111111:sagemaker-catalog/DefaultFeatureGroupCatalog';
const share: OwnedResourceShare = {
  arn: 'arn:aws:ram:us-east-1:111111111111:resource-share/1',
  name: 'orders',
  owningAccountId: '111111111111',
  status: 'ACTIVE',
  allowExternalPrincipals: false,
  resources: [{ entity: FG, status: 'ASSOCIATED' }],
  principals: [
    { entity: '222222222222', status: 'ASSOCIATED' },
    { entity: '333333333333', status: 'FAILED', statusMessage: 'The resource share does not allow principals outside your organization (allowExternalPrincipals is false).' },
    { entity: '444444444444', status: 'ASSOCIATING', external: true },
  ],
};

describe('share rows', () => {
  test('status · permission, from the permissions RAM lists', () => {
    assert.equal(shareDescription(share, [{ arn: 'a', name: 'AWSRAMPermissionSageMakerFeatureGroupReadOnly', grants: 'readOnly' }]), 'active · read-only');
    assert.equal(shareDescription(share, [{ arn: 'a', name: 'AWSRAMPermissionSageMakerCatalogResourceSearch', grants: 'discoverOnly' }]), 'active · catalog search');
    assert.equal(shareDescription(share, [{ arn: 'a', name: 'MyCustomPermission' }]), 'active · MyCustomPermission');
    assert.equal(shareDescription(share, undefined), 'active · permission unknown');
  });

  test('a catalog share is told apart and its tooltip says what it grants', () => {
    const catalogShare = { ...share, resources: [{ entity: CATALOG, status: 'ASSOCIATED' }] };
    assert.equal(isCatalogShare(catalogShare), true);
    assert.equal(isCatalogShare(share), false);
    assert.match(shareTooltip(catalogShare, undefined).note ?? '', /find every feature group.*does not let them .*read records/);
    assert.deepEqual(shareTooltip(share, undefined).rows.find(([k]) => k === 'Outside accounts'), ['Outside accounts', 'not allowed (organization only)']);
  });

  test('the category summary counts failures and pending invitations', () => {
    assert.equal(mySharesSummary([share]), '1 failed · 1 invitation pending');
    assert.equal(mySharesSummary([{ ...share, principals: [] }]), undefined);
  });
});

describe('member rows', () => {
  test('resources by name, the catalog by what it is', () => {
    assert.equal(resourceLabel(FG), 'transactions');
    assert.equal(resourceLabel(CATALOG), 'Feature group catalog');
    assert.equal(resourceDescription({ entity: FG, status: 'ASSOCIATED' }), 'feature group · shared');
    assert.equal(resourceDescription({ entity: CATALOG, status: 'ASSOCIATING' }), 'catalog · being added');
  });

  test('principals: access now, invitation pending, failed with the reason', () => {
    assert.equal(principalDescription(share.principals[0]), 'account · has access');
    assert.equal(principalDescription(share.principals[2]), 'account · invitation pending');
    assert.match(principalDescription(share.principals[1]), /^account · failed: The resource share does not allow principals outside/);
    assert.equal(principalLabel('arn:aws:organizations::111111111111:ou/o-demo1234567/ou-demo-mkt12345'), 'OU ou-demo-mkt12345');
    assert.equal(principalDescription({ entity: '333333333333', status: 'DISASSOCIATED', statusMessage: 'The invitation was rejected.' }), 'account · no access: The invitation was rejected');
  });

  test('advice for principals without access', () => {
    assert.match(principalAdvice(share.principals[1]) ?? '', /only principals inside your organization/);
    assert.match(principalAdvice({ entity: '3', status: 'FAILED', statusMessage: 'The invitation expired before it was accepted.' }) ?? '', /Invite Again/);
    assert.match(principalAdvice(share.principals[2]) ?? '', /when the invitation is accepted/);
    assert.equal(principalAdvice(share.principals[0]), undefined);
    assert.match(memberTooltip(share.principals[2], 'principal').rows.map(([k, v]) => `${k}=${v}`).join(' '), /Outside your organization=yes/);
  });
});

describe('invitations', () => {
  test('an expired invitation says what to do', () => {
    const inv = { arn: 'a', resourceShareName: 's', resourceShareArn: 'r', senderAccountId: '111111111111' };
    assert.equal(invitationDescription({ ...inv, status: 'PENDING' }), 'from 111111111111 · pending');
    assert.equal(invitationDescription({ ...inv, status: 'EXPIRED' }), 'from 111111111111 · expired · ask the owner to invite you again');
  });
});
