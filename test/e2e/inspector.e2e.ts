// The record inspector as a user drives it in the real workbench: an edit with its difference and
// the modal confirmation, a delete, a batch lookup, a read-only share without write controls, an
// HTML/script payload shown as text, the page surviving being hidden and a window reload, and a
// look at both themes.
import assert from 'node:assert/strict';
import { GetRecordCommand, PutRecordCommand, SageMakerFeatureStoreRuntimeClient } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import type { Frame, Page } from 'playwright-core';
import { e2eTest } from '../../scripts/lib/e2e';
import { expandRow, inspectorFrame, openFeatureStoreView, pickQuickItem, rowInlineAction, runCommand, treeRow, waitForWorkbenchReady } from '../../scripts/lib/workbench';

const CUSTOMER_PROFILE_ARN = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile';

function runtimeAs(sandboxUrl: string, accountId: string): SageMakerFeatureStoreRuntimeClient {
  return new SageMakerFeatureStoreRuntimeClient({ region: 'us-east-1', endpoint: sandboxUrl, credentials: { accessKeyId: accountId, secretAccessKey: 'sandbox' } });
}

/** Opens the inspector from the side bar, with the row's inline action, and returns its page frame. */
async function openInspector(page: Page, profile: string, category: 'Owned' | 'Shared with me', group: string): Promise<Frame> {
  await openFeatureStoreView(page);
  await expandRow(page, profile);
  await expandRow(page, profile, category);
  const row = await treeRow(page, profile, category, group);
  await rowInlineAction(page, row, 'Open Record Inspector');
  return inspectorFrame(page, { timeoutMs: 60_000 });
}

async function getRecord(frame: Frame, recordId: string): Promise<void> {
  await frame.locator('#record-id').fill(recordId);
  await frame.locator('#get-record').click();
  await frame.locator('#status:not([data-kind="busy"]):not([data-kind="idle"])').waitFor({ timeout: 30_000 });
}

async function cellText(frame: Frame, feature: string): Promise<string> {
  const cell = frame.locator(`#record-table tbody tr[data-feature="${feature}"] td.value .value-text, #record-table tbody tr[data-feature="${feature}"] td.value .chips, #record-table tbody tr[data-feature="${feature}"] td.value .vector`).first();
  await cell.waitFor({ timeout: 20_000 });
  return (await cell.textContent()) ?? '';
}

/** Edit record: the page reads the whole record again, then shows the form filled from it. */
async function openEditor(frame: Frame): Promise<void> {
  await frame.locator('#edit-record').click();
  await frame.locator('#edit-panel:not([hidden])').waitFor({ timeout: 30_000 });
}

/** Clicks a button of the modal the extension raised; returns the dialog's text. */
async function clickDialogButton(page: Page, label: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  const text = await dialog.innerText();
  await dialog.locator('.monaco-button', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  return text;
}

async function statusText(frame: Frame, kind: string): Promise<string> {
  const status = frame.locator(`#status[data-kind="${kind}"]`);
  await status.waitFor({ timeout: 30_000 });
  return (await status.textContent()) ?? '';
}

e2eTest('inspector: an edit shows the difference, is confirmed in a modal, and is read back', async ({ page, screenshot, sandboxUrl }) => {
  const frame = await openInspector(page, 'analytics', 'Owned', 'customer-profile');
  await getRecord(frame, 'c-1001');
  const oldAge = await cellText(frame, 'age');
  assert.match(oldAge, /^\d+$/);
  await screenshot('inspector-record');

  await openEditor(frame);
  const age = frame.locator('#field-age');
  assert.equal(await age.inputValue(), oldAge, 'the edit starts from the stored record');
  const newAge = String(Number(oldAge) + 7);
  await age.fill(newAge);
  await frame.locator('#put-record').click();

  // The difference is on the page while VS Code asks.
  const ageRow = frame.locator('#diff-table tr[data-feature="age"]');
  await ageRow.waitFor({ timeout: 30_000 });
  assert.equal((await ageRow.locator('td.before .value-text').textContent())?.trim(), oldAge);
  assert.equal((await ageRow.locator('td.after .value-text').textContent())?.trim(), newAge);
  assert.equal(await frame.locator('#diff-table tr[data-feature="segment"]').count(), 0, 'unchanged features are not listed');
  await page.locator('.monaco-dialog-box').waitFor({ timeout: 30_000 });
  await screenshot('inspector-edit-confirm');
  const dialogText = await clickDialogButton(page, 'Write');
  assert.match(dialogText, /Write record "c-1001" to customer-profile as profile analytics\?/);
  assert.ok(dialogText.includes(`age: ${oldAge} → ${newAge}`), dialogText);

  assert.match(await statusText(frame, 'success'), /written to customer-profile and read back/);
  assert.equal(await cellText(frame, 'age'), newAge);
  const stored = await runtimeAs(sandboxUrl, '111111111111').send(new GetRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1001' }));
  assert.equal(stored.Record?.find((f) => f.FeatureName === 'age')?.ValueAsString, newAge);
  await screenshot('inspector-edit-written');
});

e2eTest('inspector: a whole record edited as JSON keeps a 64-bit integer exact', async ({ page, screenshot, sandboxUrl }) => {
  const frame = await openInspector(page, 'analytics', 'Owned', 'customer-profile');
  await getRecord(frame, 'c-1003');
  await openEditor(frame);
  await frame.locator('#mode-json').click();
  const json = frame.locator('#record-json');
  await json.waitFor({ timeout: 15_000 });
  const text = await json.inputValue();
  assert.match(text, /"age": \d+,/, 'numbers are bare in the JSON');
  await json.fill(text.replace(/"age": \d+/, '"age": 9223372036854775807').replace(/"segment": "[^"]*"/, '"segment": "edited-as-json"'));
  await frame.locator('#put-record').click();
  await frame.locator('#diff-table tr[data-feature="age"] td.after .value-text', { hasText: '9223372036854775807' }).waitFor({ timeout: 30_000 });
  await screenshot('inspector-json-edit');
  const dialogText = await clickDialogButton(page, 'Write');
  assert.ok(dialogText.includes('→ 9223372036854775807'), dialogText);
  await statusText(frame, 'success');
  assert.equal(await cellText(frame, 'age'), '9223372036854775807');
  const stored = await runtimeAs(sandboxUrl, '111111111111').send(new GetRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1003' }));
  assert.equal(stored.Record?.find((f) => f.FeatureName === 'age')?.ValueAsString, '9223372036854775807');
  assert.equal(stored.Record?.find((f) => f.FeatureName === 'segment')?.ValueAsString, 'edited-as-json');
});

e2eTest('inspector: a hard delete is explained, confirmed, and the record is gone', async ({ page, screenshot }) => {
  const frame = await openInspector(page, 'analytics', 'Owned', 'customer-profile');
  await getRecord(frame, 'c-1002');
  await frame.locator('#delete-record').click();
  await frame.locator('#delete-panel').waitFor({ timeout: 15_000 });
  assert.match((await frame.locator('#delete-panel').innerText()) ?? '', /Soft delete[\s\S]*Hard delete/);
  await frame.locator('label[for="delete-mode-HardDelete"]').click();
  await frame.locator('#confirm-delete').click();
  await page.locator('.monaco-dialog-box').waitFor({ timeout: 30_000 });
  await screenshot('inspector-delete-confirm');
  const dialogText = await clickDialogButton(page, 'Hard Delete');
  assert.match(dialogText, /Hard delete record "c-1002" from customer-profile/);
  assert.match(dialogText, /cannot be undone/);
  assert.match(await statusText(frame, 'success'), /"c-1002" hard-deleted/);

  await getRecord(frame, 'c-1002');
  assert.match(await statusText(frame, 'not-found'), /No record with customer_id "c-1002"/);
  await screenshot('inspector-deleted');
});

e2eTest('inspector: a batch lookup shows one row per id, with the missing ones marked', async ({ page, screenshot }) => {
  const frame = await openInspector(page, 'analytics', 'Owned', 'customer-profile');
  await frame.locator('#tab-button-batch').click();
  await frame.locator('#batch-ids').fill('c-1001\nc-1003, c-1005\nno-such-customer\nc-1001');
  assert.match((await frame.locator('#batch-count').textContent()) ?? '', /4 distinct ids/);
  await frame.locator('#batch-run').click();
  await frame.locator('#batch-table tbody tr[data-record-id="no-such-customer"]').waitFor({ timeout: 30_000 });
  const rows = await frame.locator('#batch-table tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-record-id')}:${tr.getAttribute('data-status')}`));
  assert.deepEqual(rows, ['c-1001:found', 'c-1003:found', 'c-1005:found', 'no-such-customer:notFound']);
  assert.match((await frame.locator('#batch-status').textContent()) ?? '', /^4 ids: 3 found, 1 without a record/);
  await screenshot('inspector-batch');
});

e2eTest('inspector: a read-only share reads records but has no write or delete controls', async ({ page, screenshot }) => {
  const frame = await openInspector(page, 'marketing', 'Shared with me', 'customer-profile');
  await getRecord(frame, 'c-1001');
  assert.match(await cellText(frame, 'customer_id'), /c-1001/);
  assert.match((await frame.locator('#group-meta').textContent()) ?? '', /owner 111111111111 · read-only access/);
  assert.match((await frame.locator('#access-note').textContent()) ?? '', /read records but not write or delete/);
  for (const id of ['#write-actions', '#edit-record', '#new-record', '#delete-record', '#edit-panel', '#delete-panel', '#put-record']) {
    assert.equal(await frame.locator(id).count(), 0, `${id} is absent`);
  }
  await screenshot('inspector-read-only');
});

e2eTest('inspector: a value holding HTML and script is shown as text and never runs', async ({ page, screenshot, sandboxUrl }) => {
  const payload = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script><b>bold?</b>';
  await runtimeAs(sandboxUrl, '111111111111').send(
    new PutRecordCommand({
      FeatureGroupName: CUSTOMER_PROFILE_ARN,
      Record: [
        { FeatureName: 'customer_id', ValueAsString: 'c-xss' },
        { FeatureName: 'event_time', ValueAsString: '2025-06-01T00:00:00Z' },
        { FeatureName: 'segment', ValueAsString: payload },
        { FeatureName: 'preferred_channels', ValueAsStringList: [payload, '"><svg onload=alert(3)>'] },
      ],
    }),
  );
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const frame = await openInspector(page, 'analytics', 'Owned', 'customer-profile');
  await getRecord(frame, 'c-xss');
  assert.equal(await cellText(frame, 'segment'), payload);
  const chips = await frame.locator('#record-table tr[data-feature="preferred_channels"] .chip').allTextContents();
  assert.deepEqual(chips, [payload, '"><svg onload=alert(3)>']);
  assert.equal(await frame.locator('#record-table img, #record-table script, #record-table svg, #record-table b').count(), 0, 'no element came out of a value');
  // The same value in the batch table and in the edit form stays text too.
  await frame.locator('#tab-button-batch').click();
  await frame.locator('#batch-ids').fill('c-xss');
  await frame.locator('#batch-run').click();
  await frame.locator('#batch-table tbody tr[data-record-id="c-xss"][data-status="found"]').waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator('#batch-table img, #batch-table script, #batch-table svg').count(), 0);
  await frame.locator('#tab-button-record').click();
  await openEditor(frame);
  assert.equal(await frame.locator('#field-segment').inputValue(), payload);
  await page.waitForTimeout(1000);
  assert.equal(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.deepEqual(dialogs, []);
  await screenshot('inspector-html-payload');
});

e2eTest('inspector: inputs and results survive the tab being hidden and a window reload', async ({ page, screenshot }) => {
  let frame = await openInspector(page, 'analytics', 'Owned', 'customer-profile');
  await getRecord(frame, 'c-1003');
  await frame.locator('#tab-button-batch').click();
  await frame.locator('#batch-ids').fill('c-1004\nc-404');
  await frame.locator('#batch-run').click();
  await frame.locator('#batch-table tbody tr[data-record-id="c-404"]').waitFor({ timeout: 30_000 });

  // Hidden: another editor in front, then back to the inspector tab.
  await runCommand(page, 'File: New Untitled Text File');
  await page.locator('.tabs-container .tab', { hasText: 'Untitled-1' }).waitFor({ timeout: 15_000 });
  await page.locator('.tabs-container .tab', { hasText: 'customer-profile (analytics)' }).click();
  frame = await inspectorFrame(page, { selector: '#batch-table tbody tr[data-record-id="c-404"]', timeoutMs: 30_000 });
  assert.equal(await frame.locator('#batch-ids').inputValue(), 'c-1004\nc-404');

  // Reloaded: VS Code restores the panel through the serializer, the page its state. (The page
  // sends its state to the host a moment after a change; let that land as a user's pause would.)
  await page.waitForTimeout(1500);
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await waitForWorkbenchReady(page);
  await page.locator('.tabs-container .tab', { hasText: 'customer-profile (analytics)' }).click({ timeout: 60_000 });
  frame = await inspectorFrame(page, { selector: '#batch-table tbody tr[data-record-id="c-404"]', timeoutMs: 90_000 });
  assert.equal(await frame.locator('#batch-ids').inputValue(), 'c-1004\nc-404');
  assert.equal(await frame.locator('#tab-button-batch').getAttribute('aria-selected'), 'true');
  const statuses = await frame.locator('#batch-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
  assert.deepEqual(statuses, ['found', 'notFound']);
  await frame.locator('#tab-button-record').click();
  assert.equal(await frame.locator('#record-id').inputValue(), 'c-1003');
  assert.equal(await frame.locator('#record-title').textContent(), 'Record "c-1003"');
  await screenshot('inspector-after-reload');
  // Still one inspector for the group and profile, and it still talks to the host.
  assert.equal(await page.locator('.tabs-container .tab', { hasText: 'customer-profile (analytics)' }).count(), 1);
  await getRecord(frame, 'c-1005');
  assert.match(await statusText(frame, 'success'), /"c-1005" loaded/);
}, { timeoutMs: 300_000 });

e2eTest('inspector: looks right in the light and the dark theme', async ({ page, screenshot }) => {
  const frame = await openInspector(page, 'analytics', 'Owned', 'product-catalog');
  await getRecord(frame, 'p-1');
  await openEditor(frame);
  await frame.locator('#field-price').fill('1234.5');
  await frame.locator('#field-embedding').fill('[0.5, 0.25, 0.125, 1]');
  await frame.locator('#put-record').click();
  await frame.locator('#diff-table tr[data-feature="price"]').waitFor({ timeout: 30_000 });
  await clickDialogButton(page, 'Cancel');
  assert.match(await statusText(frame, 'info'), /Nothing was written/);
  // The workbench's default here is the light theme.
  await screenshot('inspector-theme-light');
  await frame.locator('#tab-button-batch').click();
  await frame.locator('#batch-ids').fill('p-1\np-2\np-3\np-9');
  await frame.locator('#batch-run').click();
  await frame.locator('#batch-table tbody tr[data-record-id="p-9"]').waitFor({ timeout: 30_000 });
  await screenshot('inspector-batch-light');
  try {
    await runCommand(page, 'Preferences: Color Theme');
    await pickQuickItem(page, /^\s*Dark Modern/);
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
    await screenshot('inspector-batch-dark');
    await frame.locator('#tab-button-record').click();
    await frame.locator('#diff-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshot('inspector-theme-dark');
  } finally {
    await runCommand(page, 'Preferences: Color Theme');
    await pickQuickItem(page, /^\s*Light Modern/);
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 15_000 });
  }
}, { timeoutMs: 240_000 });
