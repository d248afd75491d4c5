// The sharing lifecycle in real VS Code through the commands (arguments instead of dialogs) and the
// tree they refresh: My shares, several groups in one share, the catalog, Organization shares without
// invitations, adding, removing and deleting, and expired invitations.
import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { EnableSharingWithAwsOrganizationCommand } from '@aws-sdk/client-ram';
import { ClientPool } from '../../src/aws/clients';
import type { AccountContext } from '../../src/aws/model';
import { loadProfiles } from '../../src/aws/profiles';
import { SharingService } from '../../src/aws/sharing';
import type { DeleteShareOutcome } from '../../src/commands/deleteShare';
import { COMMANDS } from '../../src/commands/ids';
import type { InvitationOutcome } from '../../src/commands/invitations';
import type { ShareChangeOutcome } from '../../src/commands/shareMembers';
import type { ShareOutcome } from '../../src/commands/sharePlan';
import type { ExplorerApi, TreeSnapshotNode } from '../../src/extension';
import { child, explorerApi, labels, resetSandbox, sandboxUrl } from './support';

async function run<T>(command: string, args: Record<string, unknown>): Promise<T> {
  return (await vscode.commands.executeCommand(command, args)) as T;
}

/** A client of its own for what the tree does not expose (invitation ARNs) or the admin does elsewhere. */
async function direct<T>(profileName: string, fn: (sharing: SharingService, ctx: AccountContext, pool: ClientPool) => Promise<T>): Promise<T> {
  const profile = (await loadProfiles({ ignoreCache: true })).find((p) => p.name === profileName);
  assert.ok(profile, `no profile ${profileName}`);
  const pool = new ClientPool();
  try {
    return await fn(new SharingService(pool), { profile, region: 'us-east-1' }, pool);
  } finally {
    pool.dispose();
  }
}

async function pendingInvitationArn(profile: string, shareName: string): Promise<string> {
  const inv = await direct(profile, async (s, ctx) => (await s.listInvitations(ctx)).find((i) => i.resourceShareName === shareName && i.status === 'PENDING'));
  assert.ok(inv, `${profile} has no pending invitation for ${shareName}`);
  return inv.arn;
}

async function control(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sandboxUrl()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
}

function byLabel(nodes: TreeSnapshotNode[] | undefined): Map<string, TreeSnapshotNode> {
  return new Map((nodes ?? []).map((n) => [n.label, n]));
}

suite('sharing lifecycle', () => {
  let api: ExplorerApi;

  /** The tree after a refresh, down to `depth`. */
  async function tree(depth: number): Promise<TreeSnapshotNode[]> {
    await api.refresh();
    return api.snapshot(depth);
  }

  suiteSetup(async () => {
    await resetSandbox();
    api = await explorerApi();
    await api.refresh();
  });

  suiteTeardown(async () => {
    await resetSandbox();
    await api.refresh();
  });

  test('My shares lists every share of the profile with status, permission, groups and principals', async () => {
    const analytics = child(await tree(4), 'analytics');
    const mine = child(analytics.children, 'My shares');
    assert.equal(mine.label, 'My shares (3)');
    assert.equal(mine.contextValue, 'category;myShares');
    assert.equal(mine.description, '1 invitation pending');
    const shares = byLabel(mine.children);
    const profileShare = shares.get('customer-profile-for-marketing');
    assert.equal(profileShare?.description, 'active · read-only');
    assert.equal(profileShare?.contextValue, 'share;active');
    assert.deepEqual(profileShare?.children?.map((n) => [n.label, n.description, n.contextValue]), [
      ['customer-profile', 'feature group · shared', 'shareResource;featureGroup;associated'],
      ['222222222222', 'account · has access', 'sharePrincipal;account;associated'],
    ]);
    const catalogShare = shares.get('analytics-catalog-for-marketing');
    assert.equal(catalogShare?.description, 'active · catalog search');
    assert.deepEqual(labels(catalogShare?.children), ['Feature group catalog', '222222222222']);
    assert.deepEqual(shares.get('product-catalog-for-partner')?.children?.map((n) => n.description), ['feature group · shared', 'account · invitation pending']);
    assert.equal(child(child(await api.snapshot(2), 'partner').children, 'My shares').label, 'My shares (0)');
  });

  test('several groups go into one share; the invited account sees them once it accepts', async () => {
    const outcome = await run<ShareOutcome>(COMMANDS.shareFeatureGroups, {
      profile: 'analytics',
      featureGroups: ['transactions', 'churn-scores'],
      permission: 'ReadWrite',
      principals: '333333333333',
      allowExternalPrincipals: true,
      shareName: 'two-for-partner',
      confirm: false,
    });
    assert.equal(outcome.status, 'shared', JSON.stringify(outcome));
    if (outcome.status === 'shared') assert.deepEqual(outcome.principals.map((p) => [p.entity, p.status]), [['333333333333', 'ASSOCIATING']]);
    const accepted = await run<InvitationOutcome>(COMMANDS.acceptInvitation, { profile: 'partner', invitationArn: await pendingInvitationArn('partner', 'two-for-partner') });
    assert.equal(accepted.status, 'accepted');
    const shared = byLabel(child(child(await tree(3), 'partner').children, 'Shared with me').children);
    assert.equal(shared.get('transactions')?.description, 'read/write · owner 111111111111');
    assert.equal(shared.get('churn-scores')?.description, 'read/write · owner 111111111111');
  });

  test('a catalog share makes every group of the owner discoverable, without read actions', async () => {
    const outcome = await run<ShareOutcome>(COMMANDS.shareCatalog, { profile: 'analytics', principals: '333333333333', shareName: 'catalog-for-partner', confirm: false });
    assert.equal(outcome.status, 'shared', JSON.stringify(outcome));
    await run<InvitationOutcome>(COMMANDS.acceptInvitation, { profile: 'partner', invitationArn: await pendingInvitationArn('partner', 'catalog-for-partner') });
    const shared = byLabel(child(child(await tree(3), 'partner').children, 'Shared with me').children);
    assert.equal(shared.get('customer-profile')?.description, 'discoverable only · owner 111111111111');
    assert.equal(shared.get('customer-profile')?.contextValue, 'featureGroup;shared;discoverOnly');
    assert.equal(shared.get('transactions')?.contextValue, 'featureGroup;shared;readWrite', 'a group with its own share keeps its access');
  });

  test('inside the Organization with sharing enabled, access starts at once and no invitation comes', async () => {
    await direct('analytics', (_s, ctx, pool) => pool.ram(ctx).send(new EnableSharingWithAwsOrganizationCommand({})));
    const before = child(child(await tree(3), 'marketing').children, 'Invitations').label;
    const outcome = await run<ShareOutcome>(COMMANDS.shareFeatureGroup, { profile: 'analytics', featureGroup: 'product-catalog', permission: 'ReadOnly', principals: '222222222222', confirm: false });
    assert.equal(outcome.status, 'shared', JSON.stringify(outcome));
    if (outcome.status === 'shared') assert.deepEqual(outcome.principals.map((p) => [p.entity, p.status]), [['222222222222', 'ASSOCIATED']]);
    const marketing = child(await tree(3), 'marketing');
    assert.equal(byLabel(child(marketing.children, 'Shared with me').children).get('product-catalog')?.description, 'read-only · owner 111111111111');
    assert.equal(child(marketing.children, 'Invitations').label, before, 'no invitation was sent');
  });

  test('an OU is a principal too, once organization sharing is on', async () => {
    const ou = 'arn:aws:organizations::111111111111:ou/o-demo1234567/ou-demo-mkt12345';
    const outcome = await run<ShareChangeOutcome>(COMMANDS.addToShare, { profile: 'analytics', share: 'two-for-partner', principals: ou, confirm: false });
    assert.equal(outcome.status, 'changed', JSON.stringify(outcome));
    const share = byLabel(child(child(await tree(4), 'analytics').children, 'My shares').children).get('two-for-partner');
    assert.ok(share?.children?.some((n) => n.label === 'OU ou-demo-mkt12345' && n.description === 'organizational unit · has access'));
  });

  test('removing a principal revokes its access; the tree of the consumer says so', async () => {
    const outcome = await run<ShareChangeOutcome>(COMMANDS.removeFromShare, { profile: 'analytics', share: 'customer-profile-for-marketing', principals: '222222222222', confirm: false });
    assert.equal(outcome.status, 'changed', JSON.stringify(outcome));
    const shared = byLabel(child(child(await tree(3), 'marketing').children, 'Shared with me').children);
    assert.equal(shared.get('customer-profile')?.description, 'discoverable only · owner 111111111111');
  });

  test('refusals are said before anything is sent', async () => {
    const bad = await run<ShareOutcome>(COMMANDS.shareFeatureGroups, { profile: 'analytics', featureGroups: ['churn-scores'], permission: 'ReadOnly', principals: 'o-demo1234567', confirm: false });
    assert.equal(bad.status, 'invalid');
    if (bad.status === 'invalid') assert.match(bad.message, /organization id; RAM needs the organization's ARN/);
    const unknown = await run<ShareChangeOutcome>(COMMANDS.addToShare, { profile: 'analytics', share: 'no-such-share', principals: '333333333333', confirm: false });
    assert.equal(unknown.status, 'invalid');
    const notMember = await run<ShareChangeOutcome>(COMMANDS.removeFromShare, { profile: 'analytics', share: 'two-for-partner', principals: '444444444444', confirm: false });
    assert.equal(notMember.status, 'invalid');
  });

  test('an outside account added to an organization-only share is reported as a failure and shown failed', async () => {
    const created = await run<ShareOutcome>(COMMANDS.shareFeatureGroup, {
      profile: 'analytics', featureGroup: 'churn-scores', permission: 'ReadOnly', principals: '222222222222', allowExternalPrincipals: false, shareName: 'inside-only', confirm: false,
    });
    assert.equal(created.status, 'shared', JSON.stringify(created));
    const added = await run<ShareChangeOutcome>(COMMANDS.addToShare, { profile: 'analytics', share: 'inside-only', principals: '333333333333', confirm: false });
    assert.equal(added.status, 'failed');
    if (added.status === 'failed') {
      assert.equal(added.code, 'AssociationFailed');
      assert.match(added.message, /could not add 333333333333/);
    }
    const share = byLabel(child(child(await tree(4), 'analytics').children, 'My shares').children).get('inside-only');
    const partner = share?.children?.find((n) => n.label === '333333333333');
    assert.equal(partner?.contextValue, 'sharePrincipal;account;failed');
    assert.match(partner?.description ?? '', /^account · failed: /);
  });

  test('deleting a share withdraws its pending invitation', async () => {
    const outcome = await run<DeleteShareOutcome>(COMMANDS.deleteShare, { profile: 'analytics', share: 'product-catalog-for-partner', confirm: false });
    assert.equal(outcome.status, 'deleted', JSON.stringify(outcome));
    const roots = await tree(3);
    assert.ok(!labels(child(child(roots, 'analytics').children, 'My shares').children).includes('product-catalog-for-partner'));
    const invitations = child(child(roots, 'partner').children, 'Invitations');
    assert.ok(!labels(invitations.children).includes('product-catalog-for-partner'));
  });

  test('an expired invitation shows as expired with what to do, and cannot be accepted', async () => {
    const shared = await run<ShareOutcome>(COMMANDS.shareFeatureGroup, { profile: 'analytics', featureGroup: 'customer-profile', permission: 'ReadOnly', principals: '333333333333', shareName: 'late', confirm: false });
    assert.equal(shared.status, 'shared');
    const arn = await pendingInvitationArn('partner', 'late');
    await control('/_sandbox/clock', { advanceSeconds: 7 * 24 * 3600 + 60 });
    const roots = await tree(4);
    const invitation = byLabel(child(child(roots, 'partner').children, 'Invitations').children).get('late');
    assert.equal(invitation?.contextValue, 'invitation;expired');
    assert.equal(invitation?.description, 'from 111111111111 · expired · ask the owner to invite you again');
    const answer = await run<InvitationOutcome>(COMMANDS.acceptInvitation, { profile: 'partner', invitationArn: arn });
    assert.equal(answer.status, 'invalid');
    if (answer.status === 'invalid') assert.match(answer.message, /expired.*Ask the owner \(111111111111\) to add your account to the share again/);
    const owner = byLabel(child(child(roots, 'analytics').children, 'My shares').children).get('late');
    const principal = owner?.children?.find((n) => n.label === '333333333333');
    assert.match(principal?.description ?? '', /^account · failed: The invitation expired/);
    assert.equal(principal?.contextValue, 'sharePrincipal;account;failed');

    // "Invite Again" sends a new invitation the partner can accept.
    const again = await run<ShareChangeOutcome>(COMMANDS.reinvitePrincipal, { profile: 'analytics', share: 'late', principals: '333333333333' });
    assert.equal(again.status, 'changed', JSON.stringify(again));
    if (again.status === 'changed') assert.deepEqual(again.change.principals.map((p) => [p.entity, p.status]), [['333333333333', 'ASSOCIATING']]);
    const accepted = await run<InvitationOutcome>(COMMANDS.acceptInvitation, { profile: 'partner', invitationArn: await pendingInvitationArn('partner', 'late') });
    assert.equal(accepted.status, 'accepted', JSON.stringify(accepted));
    const partnerShared = byLabel(child(child(await tree(3), 'partner').children, 'Shared with me').children);
    assert.equal(partnerShared.get('customer-profile')?.description, 'read-only · owner 111111111111');
  });
});
