// The inline record lookup in real VS Code against the demo sandbox: CodeLenses and hovers on the
// sample Python file, notebook and TypeScript file; completions of group and feature names; the
// bare-name warning with its quick fix; and "Look Up Record…".
import assert from 'node:assert/strict';
import path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { BARE_NAME_OTHER_ACCOUNT, LOOKUP_COMMANDS } from '../../src/lookup/ids';
import type { LookUpResult } from '../../src/lookup/lookUpRecord';
import { EXTENSION_ID, explorerApi, resetSandbox } from './support';

const CUSTOMER_ARN = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile';
const PRODUCT_ARN = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/product-catalog';
const TRANSACTIONS_ARN = 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/transactions';

function fixture(name: string): vscode.Uri {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return vscode.Uri.file(path.join(root, 'test', 'fixtures', 'lookup', name));
}

/** The position inside the `occurrence`-th (0-based) appearance of `needle`, `into` characters in. */
function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0, into = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = document.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${occurrence} is not in ${document.uri.path}`);
  }
  return document.positionAt(at + into);
}

async function lenses(document: vscode.TextDocument): Promise<{ line: number; title: string; command: string }[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 200);
  return all.filter((l) => l.command).map((l) => ({ line: l.range.start.line, title: l.command!.title, command: l.command!.command }));
}

/** Titles of the lenses on the line of `needle`, sorted (the command returns resolved lenses last). */
function lensesOnLine(all: { line: number; title: string }[], document: vscode.TextDocument, needle: string, occurrence = 0): string[] {
  const line = positionOf(document, needle, occurrence).line;
  return all
    .filter((l) => l.line === line)
    .map((l) => l.title)
    .sort();
}

/** The text of our hover at `position` (other providers' hovers, e.g. TypeScript's, are left out). */
async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  const ours = texts.filter((t) => t.includes('— feature group'));
  assert.equal(ours.length, 1, `expected one Feature Store hover, got:\n${texts.join('\n---\n')}`);
  return ours[0];
}

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '"');
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Waits (without a deadline of its own: mocha's test timeout bounds it) until `check` holds. */
async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function setProfiles(names: string[] | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('featureStoreExplorer').update('profiles', names, vscode.ConfigurationTarget.Global);
}

suite('inline record lookup', () => {
  suiteSetup(async () => {
    await resetSandbox();
    await explorerApi();
  });

  suiteTeardown(async () => {
    await setProfiles(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suite('contributions', () => {
    test('the lookup command is registered and contributed', async () => {
      const registered = new Set(await vscode.commands.getCommands(true));
      const contributed = new Set(
        (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command),
      );
      for (const id of Object.values(LOOKUP_COMMANDS)) {
        assert.ok(registered.has(id), `${id} is not registered`);
        assert.ok(contributed.has(id), `${id} is not in package.json`);
      }
    });
  });

  suite('Python file', () => {
    let doc: vscode.TextDocument;

    suiteSetup(async () => {
      doc = await vscode.workspace.openTextDocument(fixture('model.py'));
      await vscode.window.showTextDocument(doc);
    });

    test('CodeLenses say who reaches each group, its record identifier and features', async () => {
      const all = await lenses(doc);
      const example = lensesOnLine(all, doc, 'FeatureGroupName="customer-profile"');
      assert.deepEqual(example, [
        '$(database) analytics (owner), marketing by ARN only (read-only) · record id customer_id · features: age, lifetime_value, segment, preferred_channels',
        '$(search) Look up record "c-1001"',
      ]);
      assert.deepEqual(lensesOnLine(all, doc, 'FeatureGroupName=CUSTOMER_ARN'), [
        '$(database) analytics (owner), marketing (read-only) · record id customer_id · features: age, lifetime_value, segment, preferred_channels',
        '$(search) Look up record "c-1002"',
      ]);
      assert.match(lensesOnLine(all, doc, 'FeatureGroup(name="transactions"')[0], /^\$\(database\) analytics \(owner\), marketing by ARN only \(discoverable only\) · record id transaction_id · /);
      assert.match(lensesOnLine(all, doc, '"campaign-responses"')[0], /^\$\(database\) marketing \(owner\) · record id response_id · /);
      // The constant's definition and its use both carry the lens.
      assert.equal(lensesOnLine(all, doc, 'CUSTOMER_GROUP = ').length, 1);
      assert.equal(lensesOnLine(all, doc, 'FeatureGroupName=CUSTOMER_GROUP').length, 1);
    });

    test('a hover on a reference with a literal record id shows the record values, escaped, with an inspector link', async () => {
      const text = await hoverText(doc, positionOf(doc, 'FeatureGroupName="customer-profile"', 0, 'FeatureGroupName="'.length + 2));
      assert.match(text, /^\*\*customer\\-profile\*\* — feature group of account 111111111111/);
      assert.match(text, /\| analytics \| owner \| own account \|/);
      assert.match(text, /\| marketing \| read\\-only \| by ARN only/);
      assert.match(text, /\*\*Record c\\-1001\*\* \(read as analytics\)/);
      assert.match(text, /\| age \| 34 \|/);
      assert.match(text, /\| segment \| loyal \|/);
      assert.match(text, /\| preferred\\_channels \| \\\[email, app\\\] \|/);
      const link = /\[Open in Record Inspector\]\((command:[^)]+)\)/.exec(text);
      assert.ok(link, 'inspector link');
      const args = JSON.parse(decodeURIComponent(link[1].split('?')[1])) as unknown[];
      assert.deepEqual(args, [{ profile: 'analytics', featureGroup: CUSTOMER_ARN, recordId: 'c-1001' }]);
    });

    test('a hover on a record id that does not exist says so', async () => {
      const text = await hoverText(doc, positionOf(doc, '"c-0000"', 0, 2));
      assert.match(text, /\*\*Record c\\-0000\*\*: no record with customer\\_id c\\-0000 in customer\\-profile \(read as analytics\)/);
    });

    test('"Look Up Record…" reads the record of the group under the cursor and peeks at it', async () => {
      const editor = await vscode.window.showTextDocument(doc);
      const at = positionOf(doc, 'FeatureGroupName=CUSTOMER_ARN', 0, 0);
      editor.selection = new vscode.Selection(at, at);
      const result = await vscode.commands.executeCommand<LookUpResult>(LOOKUP_COMMANDS.lookUpRecord, { uri: doc.uri.toString(), line: at.line, character: at.character, recordId: 'c-1002' });
      assert.equal(result.kind, 'found');
      assert.equal(result.target, CUSTOMER_ARN);
      assert.equal(result.profile, 'analytics', 'the owner reads when it is a profile');
      assert.equal(result.values?.segment, 'new');
      const peeked = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.document!));
      assert.match(peeked.getText(), /^\/\/ customer-profile · record "c-1002"\n\/\/ read as analytics \(owner\) at \d{4}-/);
      assert.match(peeked.getText(), /"customer_id": "c-1002"/);
      const missing = await vscode.commands.executeCommand<LookUpResult>(LOOKUP_COMMANDS.lookUpRecord, { uri: doc.uri.toString(), line: at.line, character: at.character, recordId: 'c-7777', show: false });
      assert.equal(missing.kind, 'notFound');
      await vscode.commands.executeCommand('closeReferenceSearch');
    });
  });

  suite('notebook', () => {
    test('code cells get lenses and hovers too', async () => {
      const notebook = await vscode.workspace.openNotebookDocument(fixture('notebook.ipynb'));
      // The workbench keeps the cells' text models while the notebook is shown.
      await vscode.window.showNotebookDocument(notebook);
      const cell = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code && c.document.getText().includes('get_record'));
      assert.ok(cell, 'the lookup cell');
      assert.equal(cell.document.languageId, 'python');
      const all = (await lenses(cell.document)).map((l) => l.title).sort();
      assert.deepEqual(all.slice(1), ['$(search) Look up record "p-1"']);
      assert.match(all[0] ?? '', /^\$\(database\) analytics \(owner\), marketing by ARN only \(discoverable only\) · record id product_id · /);
      const text = await hoverText(cell.document, positionOf(cell.document, '"product-catalog"', 0, 4));
      assert.match(text, /\*\*Record p\\-1\*\* \(read as analytics\)/);
      assert.match(text, /\| title \| Trail running shoes \|/);
    });
  });

  suite('TypeScript file', () => {
    let doc: vscode.TextDocument;

    suiteSetup(async () => {
      doc = await vscode.workspace.openTextDocument(fixture('model.ts'));
    });

    test('JS SDK command inputs get lenses; an ARN reaches its owner and the discovering profile', async () => {
      const all = await lenses(doc);
      const example = lensesOnLine(all, doc, '"transactions"');
      assert.match(example[0], /^\$\(database\) analytics \(owner\), marketing by ARN only \(discoverable only\) · record id transaction_id · features: amount, customer_id, merchant_category, is_fraud/);
      assert.deepEqual(example.slice(1), ['$(search) Look up record "t-5001"']);
      assert.match(lensesOnLine(all, doc, PRODUCT_ARN)[0], /^\$\(database\) analytics \(owner\), marketing \(discoverable only\) · record id product_id/);
      assert.deepEqual(lensesOnLine(all, doc, PRODUCT_ARN).slice(1), ['$(search) Look up record "p-1"', '$(search) Look up record "p-2"']);
    });

    test('a hover on a BatchGetRecord entry shows each listed record', async () => {
      const text = await hoverText(doc, positionOf(doc, PRODUCT_ARN, 0, 10));
      assert.match(text, /\*\*Record p\\-1\*\* \(read as analytics\)/);
      assert.match(text, /\*\*Record p\\-2\*\* \(read as analytics\)/);
      assert.match(text, /\| title \| Insulated water bottle \|/);
    });
  });

  suite('completions', () => {
    test('group names and ARNs from every profile inside a FeatureGroupName string', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'runtime.get_record(FeatureGroupName="", RecordIdentifierValueAsString="c-1")\n' });
      const items = await completions(doc, positionOf(doc, 'FeatureGroupName=""', 0, 'FeatureGroupName="'.length));
      const inserts = new Map(items.filter((i) => typeof i.insertText === 'string').map((i) => [i.insertText as string, labelOf(i)]));
      assert.equal(inserts.get('customer-profile'), 'customer-profile', 'owned by analytics: by name');
      assert.equal(inserts.get('campaign-responses'), 'campaign-responses', 'owned by marketing: by name');
      assert.equal(inserts.get(CUSTOMER_ARN), 'customer-profile', 'shared with marketing: by ARN');
      assert.equal(inserts.get(TRANSACTIONS_ARN), 'transactions', 'discoverable by marketing: by ARN');
      const shared = items.find((i) => i.insertText === CUSTOMER_ARN)!;
      assert.match(typeof shared.label === 'string' ? '' : (shared.label.description ?? ''), /111111111111 · marketing \(read-only\)/);
    });

    test('feature names of the group in the same call inside FeatureNames, minus those already there', async () => {
      const content = 'runtime.get_record(FeatureGroupName="customer-profile", RecordIdentifierValueAsString="c-1", FeatureNames=["age", ""])\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
      const items = await completions(doc, positionOf(doc, '""]', 0, 1));
      const names = items.filter((i) => i.kind === vscode.CompletionItemKind.Field).map(labelOf);
      assert.deepEqual(names, ['customer_id', 'event_time', 'lifetime_value', 'segment', 'preferred_channels']);
    });

    test('TypeScript: inside a command input object', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'new GetRecordCommand({ FeatureGroupName: "pro", RecordIdentifierValueAsString: "p-1" });\n' });
      const items = await completions(doc, positionOf(doc, '"pro"', 0, 4));
      assert.ok(items.some((i) => i.insertText === 'product-catalog'), items.map(labelOf).join(', '));
    });
  });

  suite('a name only another account has', () => {
    // Without analytics among the profiles, customer-profile is no profile's own group.
    suiteSetup(() => setProfiles(['marketing', 'partner']));
    suiteTeardown(() => setProfiles(undefined));

    test('warning, quick fix to the ARN, then the record reads through the share', async () => {
      const content = 'record = runtime.get_record(FeatureGroupName="customer-profile", RecordIdentifierValueAsString="c-1001")\n';
      const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
      await vscode.window.showTextDocument(doc);
      const diagnostics = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => x.code === BARE_NAME_OTHER_ACCOUNT));
      const warning = diagnostics.find((d) => d.code === BARE_NAME_OTHER_ACCOUNT)!;
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(doc.getText(warning.range), 'customer-profile');
      assert.match(warning.message, /a bare name always means the caller's account\. It exists in account 111111111111 \(visible to marketing\): use its ARN/);
      const titles = (await lenses(doc)).map((l) => l.title);
      assert.ok(
        titles.some((t) => /^\$\(warning\) customer-profile is not in any profile's own account \(owner 111111111111\): use its ARN/.test(t)),
        titles.join('\n'),
      );

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Use the ARN of customer-profile in account 111111111111');
      assert.ok(fix?.edit, `quick fix among: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(doc.getText().includes(`FeatureGroupName="${CUSTOMER_ARN}"`));
      await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => x.code === BARE_NAME_OTHER_ACCOUNT));

      const text = await hoverText(doc, positionOf(doc, CUSTOMER_ARN, 0, 10));
      assert.match(text, /\*\*Record c\\-1001\*\* \(read as marketing\)/);
      assert.match(text, /\| age \| 34 \|/);
    });
  });
});
