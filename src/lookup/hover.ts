// The hover on a reference (or on a record id written next to one): who can reach the group, its
// definition and, for literal record ids, the record's current values read through the best profile.
import * as vscode from 'vscode';
import { isCancelled } from './cancel';
import { lookUpArgs } from './codeLens';
import type { EditorReference } from './documents';
import { LOOKUP_COMMANDS, OPEN_RECORD_INSPECTOR } from './ids';
import type { LookupService } from './lookupService';
import { commandUri, hoverMarkdown, type HoverLinks } from './render';
import type { StringLiteral } from './scanner';

/** GetRecords per hover at most (a BatchGetRecord list can be long). */
const RECORDS_PER_HOVER = 3;

/** The reference at `position`, and the record ids it should show (one when hovering an id). */
export function hoverTarget(references: EditorReference[], position: vscode.Position): { reference: EditorReference; range: vscode.Range; recordIds: StringLiteral[] } | undefined {
  for (const reference of references) {
    if (reference.range.contains(position)) return { reference, range: reference.range, recordIds: reference.ref.recordIds };
    const id = reference.recordIdRanges.find((r) => r.range.contains(position));
    if (id) return { reference, range: id.range, recordIds: [id.literal] };
  }
  return undefined;
}

export function lookupMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  // Only our own two commands may run from a link; data is escaped, HTML and icons stay off.
  md.isTrusted = { enabledCommands: [OPEN_RECORD_INSPECTOR, LOOKUP_COMMANDS.lookUpRecord] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

export class LookupHoverProvider implements vscode.HoverProvider {
  constructor(private readonly lookup: LookupService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const target = hoverTarget(this.lookup.documents.get(document), position);
    if (!target) return undefined;
    const { reference } = target;
    try {
      if (!(await this.lookup.hasProfiles(token))) return undefined;
      const resolution = await this.lookup.resolve(reference.ref.target, token);
      const definition = resolution.reach.length ? await this.lookup.definition(resolution, token) : undefined;
      const ids = [...new Set(target.recordIds.map((l) => l.value))];
      const shown = definition?.kind === 'described' ? ids.slice(0, RECORDS_PER_HOVER) : [];
      const records = await Promise.all(shown.map((id) => this.lookup.record(resolution, id, token)));
      const links: HoverLinks = {
        inspect: (profile, arn, recordId) => commandUri(OPEN_RECORD_INSPECTOR, [{ profile, featureGroup: arn, ...(recordId !== undefined ? { recordId } : {}) }]),
        lookUp: () => commandUri(LOOKUP_COMMANDS.lookUpRecord, [lookUpArgs(document, reference.range.start)]),
      };
      const text = hoverMarkdown({ resolution, definition, records, skippedRecordIds: definition?.kind === 'described' ? ids.length - shown.length : 0 }, links);
      return new vscode.Hover(lookupMarkdown(text), target.range);
    } catch (err) {
      if (isCancelled(err)) return undefined;
      throw err;
    }
  }
}
