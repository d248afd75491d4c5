// The record inspector host in real VS Code: one panel per group, no inspector for discoverable-only
// groups, reads through the panel's request handler against the sandbox, refused writes.
import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commands/ids';
import type { ExplorerApi } from '../../src/extension';
import { INSPECTOR_VIEW_TYPE } from '../../src/inspector/panel';
import { explorerApi, resetSandbox } from './support';

const CUSTOMER_PROFILE = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile';

function inspectorTabs(label: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(INSPECTOR_VIEW_TYPE) && t.label === label);
}

/** Tab changes reach the extension host asynchronously: wait until an inspector tab is known. */
async function tabsSettled(): Promise<void> {
  if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview))) return;
  await new Promise<void>((resolve) => {
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      sub.dispose();
      resolve();
    });
  });
}

suite('record inspector', () => {
  let api: ExplorerApi;

  suiteSetup(async () => {
    await resetSandbox();
    api = await explorerApi();
    await api.refresh();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens one panel per (profile, group) and reveals it instead of opening another', async () => {
    const args = { profile: 'marketing', featureGroup: 'customer-profile' };
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, args), true);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, args), true);
    await tabsSettled();
    const all = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} [${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input}]`);
    assert.equal(inspectorTabs('customer-profile (marketing)').length, 1, `tabs: ${all.join(', ')}`);
  });

  test('a discoverable-only group gets no inspector', async () => {
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, { profile: 'marketing', featureGroup: 'transactions' }), false);
    assert.equal(inspectorTabs('transactions (marketing)').length, 0);
  });

  test('reads a shared record, and tells a missing record apart from an error', async () => {
    const found = await api.inspectorRequest('marketing', CUSTOMER_PROFILE, { type: 'getRecord', id: 1, recordId: 'c-1001' });
    assert.ok(found && found.type === 'recordResult');
    assert.equal(found.id, 1);
    assert.equal(found.outcome.kind, 'found');
    if (found.outcome.kind === 'found') {
      assert.equal(found.outcome.values.customer_id, 'c-1001');
      assert.ok(Array.isArray(found.outcome.values.preferred_channels), 'a List feature arrives as a list');
    }
    const missing = await api.inspectorRequest('marketing', CUSTOMER_PROFILE, { type: 'getRecord', id: 2, recordId: 'no-such-customer' });
    assert.deepEqual(missing?.type === 'recordResult' && missing.outcome, { kind: 'notFound', recordId: 'no-such-customer' });
  });

  test('a read-only share refuses writes before asking anything', async () => {
    const response = await api.inspectorRequest('marketing', CUSTOMER_PROFILE, {
      type: 'putRecord',
      id: 3,
      values: { customer_id: 'c-1001', event_time: '2030-01-01T00:00:00Z', age: '50' },
    });
    assert.ok(response && response.type === 'putResult');
    assert.equal(response.outcome.kind, 'error');
    if (response.outcome.kind === 'error') assert.match(response.outcome.message, /read-only/);
  });
});
