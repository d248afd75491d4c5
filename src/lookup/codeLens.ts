// A CodeLens over each reference: who can reach the group, its record identifier and features; and
// one per literal record id that looks the record up. Lenses are listed from the scan alone (no
// call); VS Code resolves only the visible ones, each from the shared, short-lived directory.
import * as vscode from 'vscode';
import { isCancelled } from './cancel';
import type { EditorReference } from './documents';
import { LOOKUP_COMMANDS } from './ids';
import type { LookupService } from './lookupService';
import { lensTitle, plainLabel, recordLensTitle } from './render';

/** Record-id lenses per reference at most (a BatchGetRecord list can be long). */
const RECORD_LENSES = 3;

export interface LookUpRecordArgs {
  uri: string;
  line: number;
  character: number;
  recordId?: string;
}

export function lookUpArgs(document: vscode.TextDocument, at: vscode.Position, recordId?: string): LookUpRecordArgs {
  return { uri: document.uri.toString(), line: at.line, character: at.character, ...(recordId !== undefined ? { recordId } : {}) };
}

class ReferenceLens extends vscode.CodeLens {
  constructor(
    readonly document: vscode.TextDocument,
    readonly reference: EditorReference,
  ) {
    super(reference.range);
  }
}

export class LookupCodeLensProvider implements vscode.CodeLensProvider<vscode.CodeLens> {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly lookup: LookupService) {
    this.onDidChangeCodeLenses = lookup.onDidChange;
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const references = this.lookup.documents.get(document);
    // Without any AWS profile there is nobody to look up as: no lens rather than one per reference saying so.
    if (references.length === 0 || !(await this.lookup.hasProfiles(token).catch(() => false))) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const reference of references) {
      lenses.push(new ReferenceLens(document, reference));
      for (const { literal, range } of reference.recordIdRanges.slice(0, RECORD_LENSES)) {
        lenses.push(
          new vscode.CodeLens(reference.range, {
            title: recordLensTitle(literal.value),
            command: LOOKUP_COMMANDS.lookUpRecord,
            arguments: [lookUpArgs(document, range.start, literal.value)],
          }),
        );
      }
    }
    return lenses;
  }

  async resolveCodeLens(lens: vscode.CodeLens, token: vscode.CancellationToken): Promise<vscode.CodeLens> {
    if (!(lens instanceof ReferenceLens)) return lens;
    const { document, reference } = lens;
    try {
      const resolution = await this.lookup.resolve(reference.ref.target, token);
      const definition = resolution.reach.length ? await this.lookup.definition(resolution, token) : undefined;
      const readable = definition?.kind === 'described';
      lens.command = {
        title: lensTitle(resolution, definition),
        // A label, not a button, when there is nothing to look up.
        command: readable ? LOOKUP_COMMANDS.lookUpRecord : '',
        arguments: readable ? [lookUpArgs(document, reference.range.start)] : undefined,
        tooltip: readable ? 'Look up a record of this feature group' : undefined,
      };
    } catch (err) {
      if (isCancelled(err)) return lens;
      this.lookup.log?.warn(`CodeLens for ${reference.ref.target}: ${err instanceof Error ? err.message : String(err)}`);
      lens.command = { title: `$(warning) Could not check ${plainLabel(reference.ref.target)}: see the Feature Store Explorer log`, command: '' };
    }
    return lens;
  }
}
