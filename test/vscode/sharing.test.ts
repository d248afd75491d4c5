// Sharing and invitations through the command API (arguments instead of dialogs) against the sandbox.
import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { ClientPool } from '../../src/aws/clients';
import { loadProfiles } from '../../src/aws/profiles';
import { SharingService } from '../../src/aws/sharing';
import type { InvitationOutcome } from '../../src/commands/invitations';
import { COMMANDS } from '../../src/commands/ids';
import type { ShareOutcome } from '../../src/commands/sharePlan';
import type { ExplorerApi } from '../../src/extension';
import { child, explorerApi, resetSandbox } from './support';

async function share(args: Record<string, unknown>): Promise<ShareOutcome> {
  return (await vscode.commands.executeCommand(COMMANDS.shareFeatureGroup, args)) as ShareOutcome;
}

/** The partner's pending invitations, read straight from RAM (the tree does not expose ARNs). */
async function pendingInvitationsOfPartner(): Promise<string[]> {
  const profile = (await loadProfiles({ ignoreCache: true })).find((p) => p.name === 'partner');
  assert.ok(profile);
  const pool = new ClientPool();
  try {
    const invitations = await new SharingService(pool).listInvitations({ profile, region: 'us-east-1' });
    return invitations.filter((i) => i.status === 'PENDING').map((i) => i.arn);
  } finally {
    pool.dispose();
  }
}

suite('sharing', () => {
  let api: ExplorerApi;

  suiteSetup(async () => {
    await resetSandbox();
    api = await explorerApi();
    await api.refresh();
  });

  suiteTeardown(async () => {
    await resetSandbox();
    await api.refresh();
  });

  const base = { profile: 'analytics', featureGroup: 'transactions', permission: 'ReadOnly', confirm: false };

  test('bad account ids are refused before anything is sent', async () => {
    for (const [accounts, expected] of [
      ['12345', /12/],
      ['22222222222x', /12 digits/],
      ['', /at least one/],
      ['111111111111', /own account/],
      ['333333333333, 1234', /1234/],
    ] as const) {
      const outcome = await share({ ...base, accounts });
      assert.equal(outcome.status, 'invalid', `accepted ${JSON.stringify(accounts)}`);
      if (outcome.status === 'invalid') assert.match(outcome.message, expected);
    }
    assert.equal((await pendingInvitationsOfPartner()).length, 1, 'no invitation was created');
  });

  test('only the owner account can share, and only with a feature-group permission', async () => {
    const notOwner = await share({ profile: 'marketing', featureGroup: 'customer-profile', permission: 'ReadOnly', accounts: '333333333333', confirm: false });
    assert.equal(notOwner.status, 'invalid');
    if (notOwner.status === 'invalid') assert.match(notOwner.message, /only the owner account/);
    const badPermission = await share({ ...base, permission: 'SuperUser', accounts: '333333333333' });
    assert.equal(badPermission.status, 'invalid');
    const unknownGroup = await share({ ...base, featureGroup: 'no-such-group', accounts: '333333333333' });
    assert.equal(unknownGroup.status, 'invalid');
  });

  test('sharing transactions with partner leaves partner a pending invitation', async () => {
    const outcome = await share({ ...base, accounts: '333333333333' });
    assert.equal(outcome.status, 'shared', JSON.stringify(outcome));
    await api.refresh();
    const invitations = child(child(await api.snapshot(3), 'partner').children, 'Invitations');
    assert.equal(invitations.label, 'Invitations (2)');
    assert.equal(invitations.description, '2 pending');
  });

  test('accepting an invitation moves the group under Shared with me; rejecting needs no share', async () => {
    const [first, second] = await pendingInvitationsOfPartner();
    assert.ok(first && second);
    const accepted = (await vscode.commands.executeCommand(COMMANDS.acceptInvitation, { profile: 'partner', invitationArn: first })) as InvitationOutcome;
    assert.equal(accepted.status, 'accepted', JSON.stringify(accepted));
    const rejected = (await vscode.commands.executeCommand(COMMANDS.rejectInvitation, { profile: 'partner', invitationArn: second, confirm: false })) as InvitationOutcome;
    assert.equal(rejected.status, 'rejected', JSON.stringify(rejected));
    const again = (await vscode.commands.executeCommand(COMMANDS.acceptInvitation, { profile: 'partner', invitationArn: second })) as InvitationOutcome;
    assert.equal(again.status, 'invalid', 'an answered invitation cannot be answered again');

    await api.refresh();
    const partner = child(await api.snapshot(3), 'partner');
    const shared = child(partner.children, 'Shared with me');
    assert.equal(shared.label, 'Shared with me (1)');
    assert.equal(shared.children?.[0].description, 'read-only · owner 111111111111');
    assert.equal(child(partner.children, 'Invitations').description, undefined, 'nothing pending any more');
  });
});
