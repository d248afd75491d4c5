// The sharing lifecycle as a user walks it in the real workbench (issue 4): share the catalog and
// discover on the other side, reject an invitation, revoke a share and see the consumer lose access
// after a refresh, and share inside the Organization where no invitation is needed. Each test starts
// from the demo seed (the runner resets the shared sandbox before every test; each test resets it
// again itself so it does not depend on that).
import assert from 'node:assert/strict';
import { EnableSharingWithAwsOrganizationCommand, RAMClient } from '@aws-sdk/client-ram';
import type { Locator, Page } from 'playwright-core';
import { e2eTest, type E2eContext } from '../../scripts/lib/e2e';
import {
  answerInput,
  expandRow,
  openFeatureStoreView,
  pickQuickItem,
  rowContextMenu,
  runCommand,
  treeRow,
  visibleTreeLabels,
  waitForNotification,
} from '../../scripts/lib/workbench';

const UI_WAIT_MS = 30_000;

async function fromDemoSeed(ctx: E2eContext): Promise<void> {
  await ctx.sandbox('/_sandbox/reset', { seed: 'demo' });
}

/** Clicks a button of the modal dialog the extension raised (a screenshot of it first, if named); returns the dialog's text. */
async function clickDialogButton(page: Page, label: string, screenshot?: () => Promise<unknown>): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: UI_WAIT_MS });
  const text = await dialog.innerText();
  await screenshot?.();
  await dialog.locator('.monaco-button', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
  await dialog.waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  return text;
}

async function description(row: Locator): Promise<string> {
  return ((await row.locator('.label-description').textContent()) ?? '').trim();
}

/** Waits until the row at `path` shows a description matching `expected` (rows re-render as data loads). */
async function waitForDescription(page: Page, expected: RegExp, ...path: string[]): Promise<string> {
  const deadline = Date.now() + UI_WAIT_MS;
  let last = '';
  for (;;) {
    last = await description(await treeRow(page, ...path)).catch(() => last);
    if (expected.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`${path.join(' > ')}: description "${last}" never matched ${expected}; rows:\n${(await visibleTreeLabels(page)).join('\n')}`);
    await page.waitForTimeout(250);
  }
}

/** Drags the side bar wider, so rows and their descriptions are readable in the screenshots. */
async function widenSideBar(page: Page, width = 620): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** Opens the Feature Store view, wide. */
async function openView(page: Page): Promise<void> {
  await openFeatureStoreView(page);
  await widenSideBar(page);
}

/** Waits until the open QuickPick lists an entry with this text. */
async function quickPickShows(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: UI_WAIT_MS });
}

/** The share a result notification names: `… through the resource share "NAME".` */
function shareNameIn(notification: string): string {
  const m = /resource share "([^"]+)"/.exec(notification);
  assert.ok(m, `no share name in: ${notification}`);
  return m[1];
}

/** The labels of a row's context menu (then closes it). */
async function contextMenuLabels(page: Page, row: Locator): Promise<string[]> {
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  await menu.waitFor({ timeout: UI_WAIT_MS });
  const texts = await menu.locator('.action-item .action-label').allInnerTexts();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  return texts.map((t) => t.trim()).filter(Boolean);
}

/** The number on the Feature Store activity-bar entry, or undefined when there is no badge. */
async function activityBadge(page: Page): Promise<string | undefined> {
  const badge = page.locator('.part.activitybar li.action-item:has(> a.action-label[aria-label^="Feature Store"]) .badge-content');
  if ((await badge.count()) === 0 || !(await badge.first().isVisible())) return undefined;
  return ((await badge.first().textContent()) ?? '').trim() || undefined;
}

async function waitForBadge(page: Page, expected: string | undefined): Promise<void> {
  const deadline = Date.now() + UI_WAIT_MS;
  for (;;) {
    const now = await activityBadge(page);
    if (now === expected) return;
    if (Date.now() > deadline) throw new Error(`the Feature Store badge shows ${JSON.stringify(now)}, expected ${JSON.stringify(expected)}`);
    await page.waitForTimeout(250);
  }
}

e2eTest(
  'sharing: share the catalog, the other account accepts and discovers every group without read actions',
  async (ctx) => {
    const { page, screenshot } = ctx;
    await fromDemoSeed(ctx);
    await openView(page);
    // Partner has the seeded invitation pending: the view's badge says so before anything is expanded.
    await waitForBadge(page, '1');

    await expandRow(page, 'analytics');
    await rowContextMenu(page, await treeRow(page, 'analytics', 'My shares', { timeoutMs: UI_WAIT_MS }), 'Share Feature Group Catalog…');
    await quickPickShows(page, /Continue/);
    await screenshot('sharing-catalog-explained');
    await pickQuickItem(page, /Continue/);
    // Each principal is checked while typing, with a sentence naming the problem.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('333333333333, o-demo1234567');
    await page.locator('.quick-input-widget .quick-input-message', { hasText: /organization id; RAM needs the organization's ARN/ }).waitFor({ timeout: UI_WAIT_MS });
    await screenshot('sharing-catalog-principal-problem');
    await answerInput(page, '333333333333');
    await pickQuickItem(page, 'Allow external accounts');
    const confirmation = await clickDialogButton(page, 'Share Catalog', () => screenshot('sharing-catalog-confirm'));
    assert.match(confirmation, /What it grants/);
    assert.match(confirmation, /What it does not/);
    assert.match(confirmation, /CatalogResourceSearch/);
    const shared = await waitForNotification(page, /Shared the feature group catalog .*333333333333 was sent an invitation/, UI_WAIT_MS);
    const shareName = shareNameIn(shared);
    assert.equal(shareName, 'catalog-for-333333333333');

    await expandRow(page, 'analytics', 'My shares');
    assert.match(await waitForDescription(page, /catalog search/, 'analytics', 'My shares', shareName), /^active · catalog search$/);
    await expandRow(page, 'analytics', 'My shares', shareName);
    assert.equal(await description(await treeRow(page, 'analytics', 'My shares', shareName, '333333333333')), 'account · invitation pending');
    await screenshot('sharing-catalog-my-shares');
    await waitForBadge(page, '2');

    // Consumer side: accept, then every analytics group is listed as discoverable only.
    await expandRow(page, 'partner');
    await expandRow(page, 'partner', 'Invitations');
    await rowContextMenu(page, await treeRow(page, 'partner', 'Invitations', shareName), 'Accept Invitation');
    await waitForNotification(page, /Accepted/, UI_WAIT_MS);
    await waitForBadge(page, '1');
    await expandRow(page, 'partner', 'Shared with me');
    for (const name of ['churn-scores', 'customer-profile', 'transactions']) {
      assert.equal(await waitForDescription(page, /discoverable only/, 'partner', 'Shared with me', name), 'discoverable only · owner 111111111111');
    }
    const menu = await contextMenuLabels(page, await treeRow(page, 'partner', 'Shared with me', 'customer-profile'));
    assert.ok(menu.some((l) => l.startsWith('Copy ARN')), `menu: ${menu.join(', ')}`);
    assert.ok(!menu.some((l) => l.startsWith('Open Record Inspector')), `a discoverable-only group offers no read action: ${menu.join(', ')}`);
    await screenshot('sharing-catalog-discovered');
  },
  { timeoutMs: 300_000 },
);

e2eTest(
  'sharing: the partner rejects an invitation, and the owner sees it declined',
  async (ctx) => {
    const { page, screenshot } = ctx;
    await fromDemoSeed(ctx);
    await openView(page);
    await waitForBadge(page, '1');
    await expandRow(page, 'partner');
    await expandRow(page, 'partner', 'Invitations');
    const invitation = await treeRow(page, 'partner', 'Invitations', 'product-catalog-for-partner');
    assert.equal(await description(invitation), 'from 111111111111 · pending');
    await screenshot('sharing-reject-before');
    await rowContextMenu(page, invitation, 'Reject Invitation…');
    const dialog = await clickDialogButton(page, 'Reject');
    assert.match(dialog, /Reject the share "product-catalog-for-partner" from account 111111111111/);
    await waitForNotification(page, /Rejected "product-catalog-for-partner"/, UI_WAIT_MS);
    assert.equal(await waitForDescription(page, /rejected/, 'partner', 'Invitations', 'product-catalog-for-partner'), 'from 111111111111 · rejected');
    await waitForBadge(page, undefined);
    const menu = await contextMenuLabels(page, await treeRow(page, 'partner', 'Invitations', 'product-catalog-for-partner'));
    assert.ok(!menu.some((l) => l.startsWith('Accept') || l.startsWith('Reject')), `an answered invitation offers no answer: ${menu.join(', ')}`);

    // Owner side: the principal has no access, and why.
    await expandRow(page, 'analytics');
    await expandRow(page, 'analytics', 'My shares');
    await expandRow(page, 'analytics', 'My shares', 'product-catalog-for-partner');
    assert.match(await waitForDescription(page, /no access/, 'analytics', 'My shares', 'product-catalog-for-partner', '333333333333'), /^account · no access: The invitation was rejected$/);
    await screenshot('sharing-reject-owner-view');
  },
  { timeoutMs: 240_000 },
);

e2eTest(
  'sharing: the owner revokes a share; after a refresh the consumer sees it has lost access',
  async (ctx) => {
    const { page, screenshot } = ctx;
    await fromDemoSeed(ctx);
    await openView(page);
    await expandRow(page, 'marketing');
    await expandRow(page, 'marketing', 'Shared with me');
    assert.equal(await waitForDescription(page, /read-only/, 'marketing', 'Shared with me', 'customer-profile'), 'read-only · owner 111111111111');

    await expandRow(page, 'analytics');
    await expandRow(page, 'analytics', 'My shares');
    await expandRow(page, 'analytics', 'My shares', 'customer-profile-for-marketing');
    const principal = await treeRow(page, 'analytics', 'My shares', 'customer-profile-for-marketing', '222222222222');
    assert.equal(await description(principal), 'account · has access');
    await screenshot('sharing-revoke-before');
    await rowContextMenu(page, principal, 'Remove from Share…');
    const dialog = await clickDialogButton(page, 'Remove', () => screenshot('sharing-revoke-confirm'));
    assert.match(dialog, /Remove account 222222222222 from the share "customer-profile-for-marketing"\?/);
    assert.match(dialog, /lose the access this share gives them at once/);
    await waitForNotification(page, /Removed account 222222222222/, UI_WAIT_MS);

    // The consumer refreshes: customer-profile is only discoverable now (the catalog share remains).
    await runCommand(page, 'Feature Store: Refresh');
    await expandRow(page, 'marketing');
    await expandRow(page, 'marketing', 'Shared with me');
    assert.equal(await waitForDescription(page, /discoverable only/, 'marketing', 'Shared with me', 'customer-profile'), 'discoverable only · owner 111111111111');
    const menu = await contextMenuLabels(page, await treeRow(page, 'marketing', 'Shared with me', 'customer-profile'));
    assert.ok(!menu.some((l) => l.startsWith('Open Record Inspector')), `no read action after the revoke: ${menu.join(', ')}`);
    await screenshot('sharing-revoke-consumer-after-refresh');
  },
  { timeoutMs: 240_000 },
);

e2eTest(
  'sharing: inside the Organization with sharing enabled, two groups are shared and appear at once, without an invitation',
  async (ctx) => {
    const { page, screenshot, sandboxUrl } = ctx;
    await fromDemoSeed(ctx);
    // The organization's administrator has enabled sharing with AWS Organizations (a one-time setting).
    const ram = new RAMClient({ region: 'us-east-1', endpoint: sandboxUrl, credentials: { accessKeyId: '111111111111', secretAccessKey: 'sandbox' } });
    try {
      await ram.send(new EnableSharingWithAwsOrganizationCommand({}));
    } finally {
      ram.destroy();
    }

    await openView(page);
    await expandRow(page, 'marketing');
    const invitationsBefore = (await treeRow(page, 'marketing', 'Invitations', { timeoutMs: UI_WAIT_MS }).then((r) => r.locator('.label-name').innerText())).trim();

    await expandRow(page, 'analytics');
    await rowContextMenu(page, await treeRow(page, 'analytics', 'Owned', { timeoutMs: UI_WAIT_MS }), 'Share Feature Groups…');
    // Multi-select: check two groups, then confirm.
    for (const name of ['churn-scores', 'transactions']) await pickQuickItem(page, name);
    await screenshot('sharing-org-pick-groups');
    await page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await pickQuickItem(page, 'Read-only');
    await answerInput(page, '222222222222');
    await quickPickShows(page, 'Only my organization');
    await screenshot('sharing-org-audience');
    await pickQuickItem(page, 'Only my organization');
    const confirmation = await clickDialogButton(page, 'Share');
    assert.match(confirmation, /Share 2 feature groups \(churn-scores, transactions\) with account 222222222222 as read-only\?/);
    assert.match(confirmation, /RAM fails any account outside it/);
    const note = await waitForNotification(page, /222222222222 has access now \(no invitation needed\)/, UI_WAIT_MS);
    assert.doesNotMatch(note, /invitation:/);
    const shareName = shareNameIn(note);

    // Consumer side: the groups are there at once, read-only; no invitation was sent.
    await expandRow(page, 'marketing', 'Shared with me');
    for (const name of ['churn-scores', 'transactions']) {
      assert.equal(await waitForDescription(page, /read-only/, 'marketing', 'Shared with me', name), 'read-only · owner 111111111111');
    }
    const invitationsAfter = (await (await treeRow(page, 'marketing', 'Invitations')).locator('.label-name').innerText()).trim();
    assert.equal(invitationsAfter, invitationsBefore, 'no invitation came');
    await screenshot('sharing-org-consumer');

    // The owner's view of the share, then deleting it.
    await expandRow(page, 'analytics', 'My shares');
    assert.equal(shareName, 'churn-scores-and-1-more-for-222222222222');
    assert.equal(await waitForDescription(page, /read-only/, 'analytics', 'My shares', shareName), 'active · read-only');
    await expandRow(page, 'analytics', 'My shares', shareName);
    assert.equal(await description(await treeRow(page, 'analytics', 'My shares', shareName, '222222222222')), 'account · has access');
    await screenshot('sharing-org-my-shares');
    await rowContextMenu(page, await treeRow(page, 'analytics', 'My shares', shareName), 'Delete Share…');
    const deleteDialog = await clickDialogButton(page, 'Delete Share', () => screenshot('sharing-org-delete-confirm'));
    assert.match(deleteDialog, /222222222222 loses access to churn-scores, transactions at once/);
    await waitForNotification(page, /Deleted the share/, UI_WAIT_MS);
    await runCommand(page, 'Feature Store: Refresh');
    await expandRow(page, 'marketing');
    await expandRow(page, 'marketing', 'Shared with me');
    assert.equal(await waitForDescription(page, /discoverable only/, 'marketing', 'Shared with me', 'churn-scores'), 'discoverable only · owner 111111111111');
    await screenshot('sharing-org-after-delete');
  },
  { timeoutMs: 300_000 },
);
