// The record inspector host in real VS Code: one panel per (profile, group), a discoverable-only
// group opening with its reason and no reads, reads through the panel's request handler against
// the sandbox, read-only refusals, a confirmed write and delete, batch and copy.
import assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commands/ids';
import type { ExplorerApi } from '../../src/extension';
import { INSPECTOR_VIEW_TYPE } from '../../src/inspector/panel';
import { explorerApi, resetSandbox } from './support';

const CUSTOMER_PROFILE = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile';
const TRANSACTIONS = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/transactions';

function inspectorTabs(label: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(INSPECTOR_VIEW_TYPE) && t.label === label);
}

/** Tab changes reach the extension host asynchronously: wait until a tab with this label is known. */
async function tabSettled(label: string): Promise<void> {
  for (let i = 0; i < 100 && inspectorTabs(label).length === 0; i++) {
    await new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        sub.dispose();
        resolve();
      });
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 500);
    });
  }
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
    await resetSandbox();
  });

  test('opens one panel per (profile, group) and reveals it instead of opening another', async () => {
    const args = { profile: 'marketing', featureGroup: 'customer-profile' };
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, args), true);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, args), true);
    await tabSettled('customer-profile (marketing)');
    const all = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} [${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input}]`);
    assert.equal(inspectorTabs('customer-profile (marketing)').length, 1, `tabs: ${all.join(', ')}`);
  });

  test('a discoverable-only group opens with its reason, and reads are refused before any call', async () => {
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, { profile: 'marketing', featureGroup: 'transactions' }), true);
    await tabSettled('transactions (marketing)');
    assert.equal(inspectorTabs('transactions (marketing)').length, 1);
    const r = await api.inspectorRequest('marketing', TRANSACTIONS, { type: 'getRecord', id: 1, recordId: 't-5001' });
    assert.ok(r && r.type === 'recordResult' && r.outcome.kind === 'error');
    if (r.outcome.kind === 'error') assert.match(r.outcome.message, /no share grants access to its records/);
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

  test('a read-only share refuses writes and deletes before asking anything', async () => {
    let asked = 0;
    const confirm = () => {
      asked++;
      return true;
    };
    const put = await api.inspectorRequest('marketing', CUSTOMER_PROFILE, { type: 'putRecord', id: 3, values: { customer_id: 'c-1001', event_time: '2030-01-01T00:00:00Z', age: '50' } }, { confirm });
    assert.ok(put && put.type === 'putResult' && put.outcome.kind === 'error');
    if (put.outcome.kind === 'error') assert.match(put.outcome.message, /read-only/);
    const del = await api.inspectorRequest('marketing', CUSTOMER_PROFILE, { type: 'deleteRecord', id: 4, recordId: 'c-1001', mode: 'SoftDelete' }, { confirm });
    assert.ok(del && del.type === 'deleteResult' && del.outcome.kind === 'error');
    assert.equal(asked, 0);
  });

  test('as the owner: a confirmed write is read back, a batch sees it, a delete removes it', async () => {
    assert.equal(await vscode.commands.executeCommand(COMMANDS.openRecordInspector, { profile: 'analytics', featureGroup: 'customer-profile' }), true);
    const questions: string[] = [];
    const confirm = (message: string) => {
      questions.push(message);
      return true;
    };
    const put = await api.inspectorRequest('analytics', CUSTOMER_PROFILE, { type: 'putRecord', id: 5, values: { customer_id: 'c-vs', event_time: '2030-01-01T00:00:00Z', age: '9223372036854775807', preferred_channels: ['<b>x</b>'] } }, { confirm });
    assert.ok(put && put.type === 'putResult' && put.outcome.kind === 'written', JSON.stringify(put));
    if (put.outcome.kind === 'written') assert.equal(put.outcome.readBack?.kind === 'found' && put.outcome.readBack.values.age, '9223372036854775807');
    assert.deepEqual(questions, ['Write record "c-vs" to customer-profile as profile analytics?']);

    const batch = await api.inspectorRequest('analytics', CUSTOMER_PROFILE, { type: 'batchGet', id: 6, recordIds: ['c-vs', 'c-1001', 'c-none'] });
    assert.ok(batch && batch.type === 'batchResult' && batch.outcome.kind === 'batch');
    if (batch.outcome.kind === 'batch') assert.deepEqual(batch.outcome.rows.map((r) => r.status), ['found', 'found', 'notFound']);

    const del = await api.inspectorRequest('analytics', CUSTOMER_PROFILE, { type: 'deleteRecord', id: 7, recordId: 'c-vs', mode: 'HardDelete' }, { confirm });
    assert.ok(del && del.type === 'deleteResult' && del.outcome.kind === 'deleted', JSON.stringify(del));
    assert.match(questions[1], /^Hard delete record "c-vs"/);
    const gone = await api.inspectorRequest('analytics', CUSTOMER_PROFILE, { type: 'getRecord', id: 8, recordId: 'c-vs' });
    assert.equal(gone?.type === 'recordResult' && gone.outcome.kind, 'notFound');
  });

  test('copy as TypeScript fetches the record by ARN with the profile', async () => {
    const r = await api.inspectorRequest('marketing', CUSTOMER_PROFILE, { type: 'copy', id: 9, format: 'typescript', recordId: 'c-1001' }, { confirm: () => false });
    assert.ok(r && r.type === 'copyResult');
    assert.equal(r.outcome.kind, 'copied', JSON.stringify(r.outcome));
    if (r.outcome.kind === 'copied') {
      assert.match(r.outcome.text, /fromIni\(\{ profile: "marketing" \}\)/);
      assert.ok(r.outcome.text.includes(`FeatureGroupName: "${CUSTOMER_PROFILE}"`));
      assert.equal(await vscode.env.clipboard.readText(), r.outcome.text, 'the clipboard holds the snippet');
    }
  });
});
