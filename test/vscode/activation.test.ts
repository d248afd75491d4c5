// The extension activates in real VS Code and contributes what package.json promises.
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commands/ids';
import { EXTENSION_ID, explorerApi } from './support';

suite('activation', () => {
  suiteSetup(async () => {
    await explorerApi();
  });

  test('every command is registered and contributed', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = new Set(
      (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command),
    );
    for (const id of Object.values(COMMANDS)) {
      assert.ok(registered.has(id), `${id} is not registered`);
      assert.ok(contributed.has(id), `${id} is not in package.json`);
    }
  });

  test('the Feature Store view can be shown', async () => {
    await vscode.commands.executeCommand('featureStoreExplorer.profiles.focus');
  });

  test('the log channel opens', async () => {
    await vscode.commands.executeCommand(COMMANDS.showLog);
  });
});
