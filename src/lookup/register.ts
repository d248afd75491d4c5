// The lookup's single entry point: CodeLenses, hovers, completions, diagnostics with quick fixes,
// the "Look Up Record…" command and its peek documents, for Python (files and notebook cells),
// TypeScript and JavaScript. extension.ts calls registerLookup once.
import * as vscode from 'vscode';
import type { Services } from '../util/services';
import { SETTINGS_SECTION } from '../util/settings';
import { LookupCodeLensProvider } from './codeLens';
import { COMPLETION_TRIGGERS, LookupCompletionProvider } from './completion';
import { LookupDiagnostics } from './diagnostics';
import { LookupHoverProvider } from './hover';
import { LOOKUP_COMMANDS, RECORD_SCHEME } from './ids';
import { LOOKUP_SELECTOR } from './languages';
import { LookUpRecordCommand } from './lookUpRecord';
import { LookupService } from './lookupService';
import { profilesFromConfig, profilesFromTree, type ProfileTree } from './profiles';
import { LookupCodeActionProvider } from './quickFixes';
import { RecordDocuments } from './recordDocuments';

export interface LookupOptions {
  /** The Feature Store tree: its profiles (settings and region overrides applied), and its refreshes. */
  tree?: ProfileTree;
  log?: vscode.LogOutputChannel;
}

export function registerLookup(context: vscode.ExtensionContext, services: () => Services, opts: LookupOptions = {}): LookupService {
  const profiles = opts.tree ? profilesFromTree(opts.tree) : profilesFromConfig;
  const lookup = new LookupService(services, profiles, opts.log);
  const records = new RecordDocuments();
  const command = new LookUpRecordCommand(lookup, records);
  context.subscriptions.push(
    lookup,
    records,
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, records),
    vscode.languages.registerCodeLensProvider(LOOKUP_SELECTOR, new LookupCodeLensProvider(lookup)),
    vscode.languages.registerHoverProvider(LOOKUP_SELECTOR, new LookupHoverProvider(lookup)),
    vscode.languages.registerCompletionItemProvider(LOOKUP_SELECTOR, new LookupCompletionProvider(lookup), ...COMPLETION_TRIGGERS),
    vscode.languages.registerCodeActionsProvider(LOOKUP_SELECTOR, new LookupCodeActionProvider(lookup), { providedCodeActionKinds: LookupCodeActionProvider.kinds }),
    new LookupDiagnostics(lookup),
    vscode.commands.registerCommand(LOOKUP_COMMANDS.lookUpRecord, (arg?: unknown) => command.run(arg)),
    // What the tree reloads, the lookup forgets too (a refresh, an accepted invitation, a new share).
    ...(opts.tree ? [opts.tree.onDidChangeTreeData(() => lookup.invalidate())] : []),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS_SECTION)) lookup.invalidate({ records: true });
    }),
  );
  return lookup;
}
