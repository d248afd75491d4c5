// "Look Up Record…": the feature group under the cursor (or one of the file's references), a record
// id (typed, or picked from the ids written in the file and those looked up before), and the
// record's values in a peek view under the reference. Returns what it found, for callers and tests.
import * as vscode from 'vscode';
import type { FeatureGroupDetail } from '../aws/model';
import { validateRecordId } from '../aws/validation';
import type { EditorReference } from './documents';
import type { LookupService } from './lookupService';
import type { RecordDocuments } from './recordDocuments';
import { readerOf, type RecordLookup } from './resolver';
import { referenceAt } from './scanner';

export interface LookUpResult {
  kind: RecordLookup['kind'] | 'cancelled' | 'noReference';
  target?: string;
  profile?: string;
  recordId?: string;
  values?: Record<string, string | string[]>;
  message?: string;
  /** The read-only document the peek shows. */
  document?: string;
}

interface CommandArgs {
  uri?: string;
  line?: number;
  character?: number;
  recordId?: string;
  /** false: only look up, show nothing (no pickers either: recordId must be given). */
  show?: boolean;
}

function parseArgs(arg: unknown): CommandArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  const a = arg as Record<string, unknown>;
  return {
    uri: typeof a.uri === 'string' ? a.uri : undefined,
    line: typeof a.line === 'number' ? a.line : undefined,
    character: typeof a.character === 'number' ? a.character : undefined,
    recordId: typeof a.recordId === 'string' ? a.recordId : undefined,
    show: typeof a.show === 'boolean' ? a.show : undefined,
  };
}

const TITLE = 'Look Up Record';
const RECENT_PER_GROUP = 10;

export class LookUpRecordCommand {
  /** Record ids looked up before, per group target, newest first. */
  private readonly recent = new Map<string, string[]>();

  constructor(
    private readonly lookup: LookupService,
    private readonly records: RecordDocuments,
  ) {}

  async run(arg?: unknown): Promise<LookUpResult> {
    const args = parseArgs(arg);
    const interactive = args.show !== false;
    const where = await this.location(args);
    if (!where) {
      const message = 'Put the cursor on a feature group name or ARN (FeatureGroupName=..., FeatureGroup(name=...)) in a Python, notebook, TypeScript or JavaScript file.';
      if (interactive) void vscode.window.showInformationMessage(message);
      return { kind: 'noReference', message };
    }
    const { document, position } = where;
    const reference = await this.referenceFor(document, position, interactive);
    if (!reference) return { kind: interactive ? 'cancelled' : 'noReference' };
    const target = reference.ref.target;
    const resolution = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Finding ${target}…` }, () => this.lookup.resolve(target));
    const reader = readerOf(resolution);
    if (!reader) {
      const message = resolution.otherAccountArns.length
        ? `No profile owns a feature group named ${target}, and a bare name means the caller's own account. Use its ARN (the quick fix on the name does that).`
        : `No profile can read records of ${target}: it is not owned by or shared with any profile${resolution.reach.length ? ' (only discoverable through a catalog share)' : ''}.`;
      if (interactive) void vscode.window.showWarningMessage(message);
      return { kind: 'unreadable', target, message };
    }
    const recordId = args.recordId ?? (interactive ? await this.pickRecordId(reference, document, resolution.name, reader.group.arn) : undefined);
    if (recordId === undefined) return { kind: 'cancelled', target };
    const lookup = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading record ${recordId} of ${resolution.name}…` }, () =>
      this.lookup.record(resolution, recordId),
    );
    this.remember(target, recordId);
    return this.present(lookup, target, document, reference, interactive);
  }

  private async present(lookup: RecordLookup, target: string, document: vscode.TextDocument, reference: EditorReference, interactive: boolean): Promise<LookUpResult> {
    switch (lookup.kind) {
      case 'found': {
        const uri = this.records.add({ profile: lookup.profile, group: lookup.group, recordId: lookup.recordId, record: lookup.record, readAt: new Date() });
        if (interactive) await this.peek(document, reference.range.start, uri);
        return { kind: 'found', target, profile: lookup.profile, recordId: lookup.recordId, values: lookup.record.values, document: uri.toString() };
      }
      case 'notFound': {
        const message = notFoundMessage(lookup.group, lookup.recordId, lookup.profile);
        if (interactive) void vscode.window.showInformationMessage(message);
        return { kind: 'notFound', target, profile: lookup.profile, recordId: lookup.recordId, message };
      }
      case 'unreadable': {
        const message = `No profile may read records of ${target}.`;
        if (interactive) void vscode.window.showWarningMessage(message);
        return { kind: 'unreadable', target, recordId: lookup.recordId, message };
      }
      case 'error': {
        this.lookup.log?.error(`Look up record ${lookup.recordId} of ${target}${lookup.profile ? ` as ${lookup.profile}` : ''}: ${lookup.message}`);
        if (interactive) void vscode.window.showErrorMessage(lookup.message);
        return { kind: 'error', target, profile: lookup.profile, recordId: lookup.recordId, message: lookup.message };
      }
    }
  }

  private async location(args: CommandArgs): Promise<{ document: vscode.TextDocument; position: vscode.Position } | undefined> {
    if (args.uri) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)));
      return { document, position: new vscode.Position(args.line ?? 0, args.character ?? 0) };
    }
    const editor = vscode.window.activeTextEditor;
    return editor ? { document: editor.document, position: editor.selection.active } : undefined;
  }

  /** The reference under the cursor, else (interactive) one of the file's, picked. */
  private async referenceFor(document: vscode.TextDocument, position: vscode.Position, interactive: boolean): Promise<EditorReference | undefined> {
    const references = this.lookup.documents.get(document);
    const text = document.getText();
    const found = referenceAt(references.map((r) => r.ref), document.offsetAt(position), text);
    if (found) return references.find((r) => r.ref === found);
    if (!interactive || references.length === 0) {
      if (interactive) void vscode.window.showInformationMessage('This file has no feature group reference (FeatureGroupName=..., FeatureGroup(name=...)) to look records up in.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      references.filter((r) => r.ref.via !== 'constant').map((r) => ({ label: r.ref.target, description: `line ${r.range.start.line + 1}`, reference: r })),
      { title: TITLE, placeHolder: 'The cursor is on no feature group: choose one of this file' },
    );
    return picked?.reference;
  }

  private async pickRecordId(reference: EditorReference, document: vscode.TextDocument, groupName: string, arn: string): Promise<string | undefined> {
    const inFile = [...new Set(this.lookup.documents.get(document).filter((r) => r.ref.target === reference.ref.target).flatMap((r) => r.ref.recordIds.map((l) => l.value)))];
    const recent = (this.recent.get(reference.ref.target) ?? []).filter((id) => !inFile.includes(id));
    const base: vscode.QuickPickItem[] = [
      ...inFile.map((id) => ({ label: id, description: 'written in this file' })),
      ...recent.map((id) => ({ label: id, description: 'looked up before' })),
    ];
    const qp = vscode.window.createQuickPick();
    qp.title = `${TITLE}: ${groupName}`;
    qp.placeholder = `Type a record identifier of ${groupName}${base.length ? ', or pick one' : ''} (${arn})`;
    qp.items = base;
    qp.onDidChangeValue((value) => {
      const typed = value && !base.some((i) => i.label === value) ? [{ label: value, description: 'look up this id', alwaysShow: true }] : [];
      qp.items = [...typed, ...base];
    });
    return new Promise<string | undefined>((resolve) => {
      let settled = false;
      const finish = (value: string | undefined) => {
        if (settled) return;
        settled = true;
        qp.dispose();
        resolve(value);
      };
      qp.onDidAccept(() => {
        const value = qp.selectedItems[0]?.label ?? qp.value;
        const problem = validateRecordId(value);
        if (problem) {
          qp.title = `${TITLE}: ${groupName} — ${problem}`;
          return;
        }
        finish(value);
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }

  private async peek(document: vscode.TextDocument, at: vscode.Position, recordUri: vscode.Uri): Promise<void> {
    try {
      const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (!visible || vscode.window.activeTextEditor?.document !== document) await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
      await vscode.commands.executeCommand('editor.action.peekLocations', document.uri, at, [new vscode.Location(recordUri, new vscode.Position(0, 0))], 'peek');
    } catch (err) {
      this.lookup.log?.warn(`Peek of ${recordUri.toString()} failed (${err instanceof Error ? err.message : String(err)}); opening it beside instead.`);
      await vscode.window.showTextDocument(recordUri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }
  }

  private remember(target: string, recordId: string): void {
    const list = [recordId, ...(this.recent.get(target) ?? []).filter((id) => id !== recordId)].slice(0, RECENT_PER_GROUP);
    this.recent.set(target, list);
  }
}

export function notFoundMessage(group: FeatureGroupDetail, recordId: string, profile: string): string {
  return `No record with ${group.recordIdentifierFeatureName} "${recordId}" in ${group.name} (read as ${profile}).`;
}

