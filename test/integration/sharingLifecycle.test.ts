// The sharing lifecycle through src/aws against the sandbox with the real SDK clients: catalog
// shares, every principal kind, Organization shares without invitations, several groups in one
// share, adding and removing members, deleting, expired invitations, and RAM's refusals in words.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EnableSharingWithAwsOrganizationCommand } from '@aws-sdk/client-ram';
import { catalogArn, featureGroupArn } from '../../src/aws/arn';
import { AwsCallError } from '../../src/aws/errors';
import type { ManagedPermission, OwnedResourceShare } from '../../src/aws/model';
import { ANALYTICS, MARKETING, PARTNER, REGION, startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

const ORG_ARN = 'arn:aws:organizations::111111111111:organization/o-demo1234567';
const OU_ARN = 'arn:aws:organizations::111111111111:ou/o-demo1234567/ou-demo-mkt12345';
const fg = (name: string) => featureGroupArn(REGION, ANALYTICS, name);

let t: AwsTestEnv;
let permissions: ManagedPermission[];

async function control(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${t.sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  // The control API changes state behind the SDK's back: drop every cached answer.
  t.catalog.forget();
}

function permission(grants: ManagedPermission['grants']): string {
  const p = permissions.find((x) => x.grants === grants);
  assert.ok(p, `no ${grants} permission`);
  return p.arn;
}

/** Asserts an AwsCallError with this code whose sentence names a cause and a next step. */
async function rejectsWith(promise: Promise<unknown>, code: string | RegExp, sentence: RegExp): Promise<AwsCallError> {
  let caught: unknown;
  await assert.rejects(promise, (err: unknown) => {
    caught = err;
    return true;
  });
  assert.ok(caught instanceof AwsCallError, `not an AwsCallError: ${String(caught)}`);
  if (typeof code === 'string') assert.equal(caught.code, code, caught.userMessage);
  else assert.match(caught.code, code);
  assert.match(caught.userMessage, sentence);
  assert.match(caught.userMessage, /^[A-Z0-9"].*[.]$/s, 'one or more full sentences');
  assert.doesNotMatch(caught.userMessage, /Exception\b/, 'the service code stays in the log, not in the sentence');
  return caught;
}

function shareHolding(shares: OwnedResourceShare[], arn: string): OwnedResourceShare | undefined {
  return shares.find((s) => s.resources.some((r) => r.entity === arn));
}

async function pendingInvitation(profile: string, shareArn: string): Promise<string> {
  const inv = (await t.sharing.listInvitations(t.ctx(profile))).find((i) => i.resourceShareArn === shareArn && i.status === 'PENDING');
  assert.ok(inv, `no pending invitation of ${profile} for ${shareArn}`);
  return inv.arn;
}

before(async () => {
  t = await startAwsTestEnv();
  permissions = await t.sharing.listFeatureGroupPermissions(t.ctx('analytics'));
});

after(async () => {
  await t.close();
});

describe('sharing the feature group catalog', () => {
  before(() => control('/_sandbox/reset', { seed: 'demo' }));

  test('partner discovers nothing before', async () => {
    assert.deepEqual(await t.catalog.listSharedWithMe(t.ctx('partner')), []);
  });

  test('the catalog share lists the catalogs first, uses CatalogResourceSearch and invites the outside account', async () => {
    t.log.length = 0;
    const change = await t.sharing.shareCatalog(t.ctx('analytics'), { principals: [PARTNER], allowExternalPrincipals: true, shareName: 'catalog-for-partner' });
    const ops = t.log.map((e) => e.operation);
    assert.ok(ops.indexOf('ListResourceCatalogs') >= 0 && ops.indexOf('ListResourceCatalogs') < ops.indexOf('CreateResourceShare'), ops.join(', '));
    assert.ok(ops.indexOf('ListPermissions') < ops.indexOf('CreateResourceShare'));
    assert.equal(change.share.name, 'catalog-for-partner');
    assert.deepEqual(change.resources.map((r) => [r.entity, r.status]), [[catalogArn(REGION, ANALYTICS), 'ASSOCIATED']]);
    assert.deepEqual(change.principals.map((p) => [p.entity, p.status, p.external]), [[PARTNER, 'ASSOCIATING', true]]);
  });

  test('after accepting, partner finds every analytics group as discoverable only', async () => {
    const mine = (await t.sharing.listMyShares(t.ctx('analytics'))).find((s) => s.name === 'catalog-for-partner');
    assert.ok(mine);
    await t.sharing.acceptInvitation(t.ctx('partner'), await pendingInvitation('partner', mine.arn));
    const found = await t.catalog.listSharedWithMe(t.ctx('partner'));
    assert.deepEqual(found.map((g) => [g.name, g.access]), [
      ['churn-scores', 'discoverOnly'],
      ['customer-profile', 'discoverOnly'],
      ['product-catalog', 'discoverOnly'],
      ['transactions', 'discoverOnly'],
    ]);
    await rejectsWith(t.catalog.describe(t.ctx('partner'), fg('transactions'), 'discoverOnly'), /AccessDenied/, /only discoverable/);
  });

  test('My shares shows the catalog share with its permission, read from RAM', async () => {
    const shares = await t.sharing.listMyShares(t.ctx('analytics'), { permissions: true });
    const catalogShare = shares.find((s) => s.name === 'catalog-for-partner');
    assert.deepEqual(catalogShare?.permissions?.map((p) => [p.name, p.grants]), [['AWSRAMPermissionSageMakerCatalogResourceSearch', 'discoverOnly']]);
    assert.deepEqual(catalogShare?.principals.map((p) => [p.entity, p.status]), [[PARTNER, 'ASSOCIATED']]);
    const profileShare = shares.find((s) => s.name === 'customer-profile-for-marketing');
    assert.deepEqual(profileShare?.permissions?.map((p) => p.grants), ['readOnly']);
  });

  test('the own account is refused before the share is created', async () => {
    t.log.length = 0;
    await rejectsWith(t.sharing.shareCatalog(t.ctx('analytics'), { principals: [ANALYTICS] }), 'InvalidPrincipal', /your own account/);
    assert.ok(!t.log.some((e) => e.operation === 'CreateResourceShare'));
  });
});

describe('principals of every kind, and Organization shares without invitations', () => {
  before(() => control('/_sandbox/reset', { seed: 'demo' }));

  test('before organization sharing is enabled, organization, OU and IAM principals are refused in words', async () => {
    for (const principal of [ORG_ARN, OU_ARN]) {
      await rejectsWith(
        t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: fg('churn-scores'), permissionArn: permission('readOnly'), principals: [principal] }),
        'OperationNotPermittedException',
        /^Sharing with AWS Organizations is not enabled.*management account.*or share with account ids\.$/,
      );
    }
    await rejectsWith(
      t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: fg('churn-scores'), permissionArn: permission('readOnly'), principals: [`arn:aws:iam::${MARKETING}:role/Analyst`] }),
      'OperationNotPermittedException',
      /IAM roles and users only inside your organization.*Share with the account id instead/,
    );
  });

  test('only the management account can enable sharing with the organization', async () => {
    await assert.rejects(t.pool.ram(t.ctx('marketing')).send(new EnableSharingWithAwsOrganizationCommand({})));
    const out = await t.pool.ram(t.ctx('analytics')).send(new EnableSharingWithAwsOrganizationCommand({}));
    assert.equal(out.returnValue, true);
  });

  test('an account inside the organization gets access at once, with no invitation', async () => {
    const before = (await t.sharing.listInvitations(t.ctx('marketing'))).length;
    const change = await t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: fg('churn-scores'), permissionArn: permission('readWrite'), principals: [MARKETING] });
    assert.deepEqual(change.principals.map((p) => [p.entity, p.status]), [[MARKETING, 'ASSOCIATED']]);
    assert.equal((await t.sharing.listInvitations(t.ctx('marketing'))).length, before, 'no invitation was sent');
    const churn = (await t.catalog.listSharedWithMe(t.ctx('marketing'))).find((g) => g.name === 'churn-scores');
    assert.equal(churn?.access, 'readWrite');
  });

  test('the organization, an OU, an IAM role and an IAM user are all principals of one share', async () => {
    const principals = [ORG_ARN, OU_ARN, `arn:aws:iam::${MARKETING}:role/Analyst`, `arn:aws:iam::${MARKETING}:user/dana`];
    const change = await t.sharing.shareFeatureGroup(t.ctx('analytics'), {
      featureGroupArn: fg('transactions'),
      permissionArn: permission('readOnly'),
      principals,
      allowExternalPrincipals: false,
    });
    assert.deepEqual(change.principals.map((p) => [p.entity, p.status]), principals.map((p) => [p, 'ASSOCIATED']));
    assert.equal((await t.catalog.listSharedWithMe(t.ctx('marketing'))).find((g) => g.name === 'transactions')?.access, 'readOnly');
  });

  test('an OU of another organization is not found, and said so', async () => {
    await rejectsWith(
      t.sharing.shareFeatureGroup(t.ctx('analytics'), {
        featureGroupArn: fg('product-catalog'),
        permissionArn: permission('readOnly'),
        principals: ['arn:aws:organizations::999999999999:ou/o-other12345/ou-abcd-12345678'],
      }),
      'UnknownResourceException',
      /could not find a principal.*belongs to your own organization/,
    );
  });

  test('an outside account on an organization-only share fails, and the failure is reported', async () => {
    await rejectsWith(
      t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: fg('product-catalog'), permissionArn: permission('readOnly'), principals: [MARKETING, PARTNER], allowExternalPrincipals: false, shareName: 'org-only' }),
      'AssociationFailed',
      /^The share "org-only" was created, but RAM could not add 333333333333 \(.*\)\. This share allows only principals inside your organization/,
    );
    const share = (await t.sharing.listMyShares(t.ctx('analytics'))).find((s) => s.name === 'org-only');
    assert.deepEqual(share?.principals.map((p) => [p.entity, p.status]), [[MARKETING, 'ASSOCIATED'], [PARTNER, 'FAILED']]);
  });
});

describe('several groups in one share, then adding, removing and deleting', () => {
  let shareArn = '';
  before(() => control('/_sandbox/reset', { seed: 'demo' }));

  test('two groups share one share; partner reads both after accepting', async () => {
    const change = await t.sharing.shareFeatureGroups(t.ctx('analytics'), {
      featureGroupArns: [fg('transactions'), fg('churn-scores')],
      permissionArn: permission('readOnly'),
      principals: [PARTNER],
    });
    shareArn = change.share.arn;
    assert.equal(change.share.name, 'transactions-and-1-more-for-333333333333');
    assert.deepEqual(change.resources.map((r) => r.status), ['ASSOCIATED', 'ASSOCIATED']);
    await t.sharing.acceptInvitation(t.ctx('partner'), await pendingInvitation('partner', shareArn));
    const shared = await t.catalog.listSharedWithMe(t.ctx('partner'));
    assert.deepEqual(shared.map((g) => [g.name, g.access]), [['churn-scores', 'readOnly'], ['transactions', 'readOnly']]);
  });

  test('groups of two accounts cannot be in one share', async () => {
    await rejectsWith(
      t.sharing.shareFeatureGroups(t.ctx('analytics'), {
        featureGroupArns: [fg('transactions'), featureGroupArn(REGION, MARKETING, 'campaign-responses')],
        permissionArn: permission('readOnly'),
        principals: [PARTNER],
      }),
      'MixedOwners',
      /different accounts/,
    );
  });

  test('adding a group gives the principals access to it', async () => {
    const change = await t.sharing.addToShare(t.ctx('analytics'), shareArn, { resourceArns: [fg('customer-profile')] });
    assert.deepEqual(change.resources.map((r) => [r.entity, r.status]), [[fg('customer-profile'), 'ASSOCIATED']]);
    const shared = await t.catalog.listSharedWithMe(t.ctx('partner'));
    assert.ok(shared.some((g) => g.name === 'customer-profile' && g.access === 'readOnly'));
  });

  test('adding a principal outside the organization sends an invitation', async () => {
    const change = await t.sharing.addToShare(t.ctx('analytics'), shareArn, { principals: [MARKETING] });
    assert.deepEqual(change.principals.map((p) => [p.entity, p.status]), [[MARKETING, 'ASSOCIATING']]);
    await pendingInvitation('marketing', shareArn);
  });

  test('removing a group takes it away from the principals', async () => {
    const change = await t.sharing.removeFromShare(t.ctx('analytics'), shareArn, { resourceArns: [fg('churn-scores')] });
    assert.deepEqual(change.resources.map((r) => r.status), ['DISASSOCIATED']);
    assert.ok(!(await t.catalog.listSharedWithMe(t.ctx('partner'))).some((g) => g.name === 'churn-scores'));
    await rejectsWith(t.catalog.describe(t.ctx('partner'), fg('churn-scores'), 'readOnly'), /AccessDenied/, /share may have been revoked/);
  });

  test('removing a principal revokes its access; its reads are refused and explained', async () => {
    const group = await t.catalog.describe(t.ctx('partner'), fg('transactions'), 'readOnly');
    await t.sharing.removeFromShare(t.ctx('analytics'), shareArn, { principals: [PARTNER] });
    assert.deepEqual(await t.catalog.listSharedWithMe(t.ctx('partner')), []);
    await rejectsWith(t.records.get(t.ctx('partner'), group, 't-5001'), 'AccessForbidden', /share may have been revoked/);
    const share = shareHolding(await t.sharing.listMyShares(t.ctx('analytics')), fg('transactions'));
    assert.deepEqual(share?.principals.map((p) => p.entity), [MARKETING], 'the removed principal is no longer listed');
  });

  test('removing what the share does not hold is explained', async () => {
    await rejectsWith(t.sharing.removeFromShare(t.ctx('analytics'), shareArn, { principals: [PARTNER] }), 'UnknownResourceException', /no longer part of the share.*Refresh My shares/);
  });

  test('another account cannot change the share', async () => {
    await rejectsWith(t.sharing.addToShare(t.ctx('marketing'), shareArn, { principals: [PARTNER] }), 'OperationNotPermittedException', /Profile marketing does not own the share.*owner's profile/);
  });

  test('deleting the share withdraws the pending invitation; deleting twice is explained', async () => {
    const deleted = await t.sharing.deleteShare(t.ctx('analytics'), shareArn);
    assert.equal(deleted.status, 'DELETED');
    assert.ok(!(await t.sharing.listInvitations(t.ctx('marketing'))).some((i) => i.resourceShareArn === shareArn && i.status === 'PENDING'));
    assert.equal((await t.sharing.listMyShares(t.ctx('analytics'))).some((s) => s.arn === shareArn), false);
    await rejectsWith(t.sharing.deleteShare(t.ctx('analytics'), shareArn), 'InvalidStateTransitionException', /cannot change now.*Refresh My shares/);
  });

  test('adding an outside account to an organization-only share is reported as a failure', async () => {
    const { share } = await t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: fg('churn-scores'), permissionArn: permission('readOnly'), principals: [MARKETING], allowExternalPrincipals: false, shareName: 'inside' });
    await rejectsWith(t.sharing.addToShare(t.ctx('analytics'), share.arn, { principals: [PARTNER] }), 'AssociationFailed', /^RAM could not add 333333333333 \(.*\) to the share "inside"\./);
  });
});

describe('expired invitations', () => {
  let shareArn = '';
  before(() => control('/_sandbox/reset', { seed: 'demo' }));

  test('seven days on, the seeded invitation is expired and cannot be accepted', async () => {
    const inv = (await t.sharing.listInvitations(t.ctx('partner'))).find((i) => i.resourceShareName === 'product-catalog-for-partner');
    assert.equal(inv?.status, 'PENDING');
    shareArn = inv!.resourceShareArn;
    await control('/_sandbox/clock', { advanceSeconds: 7 * 24 * 3600 + 1 });
    const expired = (await t.sharing.listInvitations(t.ctx('partner'))).find((i) => i.arn === inv!.arn);
    assert.equal(expired?.status, 'EXPIRED');
    await rejectsWith(
      t.sharing.acceptInvitation(t.ctx('partner'), inv!.arn, inv!.resourceShareName),
      'ResourceShareInvitationExpiredException',
      /^The invitation to "product-catalog-for-partner" has expired: RAM invitations are valid for 7 days\. Ask the owner \(111111111111\) to add your account to the share again/,
    );
  });

  test('the owner sees the principal as failed, with the reason', async () => {
    const share = (await t.sharing.listMyShares(t.ctx('analytics'))).find((s) => s.arn === shareArn);
    assert.equal(share?.principals[0].status, 'FAILED');
    assert.match(share?.principals[0].statusMessage ?? '', /expired/);
  });

  test('adding the account again sends a new invitation it can accept', async () => {
    const change = await t.sharing.addToShare(t.ctx('analytics'), shareArn, { principals: [PARTNER] });
    assert.deepEqual(change.principals.map((p) => [p.entity, p.status]), [[PARTNER, 'ASSOCIATING']]);
    const accepted = await t.sharing.acceptInvitation(t.ctx('partner'), await pendingInvitation('partner', shareArn));
    assert.equal(accepted.status, 'ACCEPTED');
    assert.deepEqual((await t.catalog.listSharedWithMe(t.ctx('partner'))).map((g) => [g.name, g.access]), [['product-catalog', 'readOnly']]);
  });
});

describe("RAM's refusals reach the user as sentences, with RAM's code kept", () => {
  before(() => control('/_sandbox/reset', { seed: 'demo' }));

  test('a malformed share ARN', async () => {
    await rejectsWith(t.sharing.addToShare(t.ctx('analytics'), 'arn:aws:ram:us-east-1:111111111111:not-a-share/1', { principals: [MARKETING] }), 'MalformedArnException', /could not read an ARN.*Copy the ARN again/);
  });

  test('a share that does not exist', async () => {
    await rejectsWith(
      t.sharing.deleteShare(t.ctx('analytics'), 'arn:aws:ram:us-east-1:111111111111:resource-share/00000000-0000-0000-0000-000000000000'),
      'UnknownResourceException',
      /^The share no longer exists.*Refresh My shares\.$/,
    );
  });

  test('a permission of the wrong resource type', async () => {
    const catalogPermission = await t.sharing.catalogPermission(t.ctx('analytics'));
    await rejectsWith(
      t.sharing.shareFeatureGroup(t.ctx('analytics'), { featureGroupArn: fg('churn-scores'), permissionArn: catalogPermission.arn, principals: [MARKETING] }),
      'InvalidParameterException',
      /^RAM rejected CreateResourceShare .*Correct the request and try again\.$/,
    );
  });

  test('an invitation answered twice, and one that does not exist', async () => {
    const inv = (await t.sharing.listInvitations(t.ctx('partner')))[0];
    await t.sharing.rejectInvitation(t.ctx('partner'), inv.arn, inv.resourceShareName);
    await rejectsWith(t.sharing.rejectInvitation(t.ctx('partner'), inv.arn, inv.resourceShareName), 'ResourceShareInvitationAlreadyRejectedException', /already rejected\. Ask the owner \(111111111111\)/);
    await rejectsWith(t.sharing.acceptInvitation(t.ctx('partner'), inv.arn), 'ResourceShareInvitationAlreadyRejectedException', /already rejected/);
    const gone = 'arn:aws:ram:us-east-1:111111111111:resource-share-invitation/00000000-0000-0000-0000-000000000000';
    await rejectsWith(t.sharing.acceptInvitation(t.ctx('partner'), gone), 'ResourceShareInvitationArnNotFoundException', /no longer exists.*Refresh the Invitations list/);
  });

  test('throttling and internal errors keep their code and say to try again', async () => {
    await control('/_sandbox/faults', { operation: 'GetResourceShares', kind: 'throttle', rate: 1 });
    try {
      await rejectsWith(t.sharing.listMyShares(t.ctx('analytics')), 'ThrottlingException', /throttling .*try again/i);
      await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
      await control('/_sandbox/faults', { operation: 'GetResourceShares', kind: 'error500', rate: 1 });
      await rejectsWith(t.sharing.listMyShares(t.ctx('analytics')), 'ServerInternalException', /internal error.*Try again/);
    } finally {
      await fetch(`${t.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    }
  });
});
