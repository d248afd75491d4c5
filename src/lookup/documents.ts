// The references of each open document, scanned once per version and turned into editor ranges.
import * as vscode from 'vscode';
import { lookupLanguageOf } from './languages';
import { scanReferences, scanSkipReason, type FeatureGroupReference, type StringLiteral } from './scanner';

export interface EditorReference {
  ref: FeatureGroupReference;
  /** Where the hover and the CodeLens attach. */
  range: vscode.Range;
  /** The literal holding the name or ARN (what a quick fix replaces). */
  literalRange: vscode.Range;
  recordIdRanges: { literal: StringLiteral; range: vscode.Range }[];
}

export class DocumentReferences {
  private readonly scanned = new WeakMap<vscode.TextDocument, { version: number; refs: EditorReference[] }>();
  /** Documents already reported as too large (once each, not on every edit). */
  private readonly skipped = new WeakSet<vscode.TextDocument>();

  constructor(private readonly log?: Pick<vscode.LogOutputChannel, 'info'>) {}

  get(document: vscode.TextDocument): EditorReference[] {
    const language = lookupLanguageOf(document);
    if (!language) return [];
    const cached = this.scanned.get(document);
    if (cached?.version === document.version) return cached.refs;
    const text = document.getText();
    const skip = scanSkipReason(text.length);
    if (skip) {
      if (!this.skipped.has(document)) this.log?.info(`Inline lookup skips ${document.uri.toString(true)}: ${skip}.`);
      this.skipped.add(document);
      this.scanned.set(document, { version: document.version, refs: [] });
      return [];
    }
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const refs = scanReferences(text, language).map((ref) => ({
      ref,
      range: range(ref.start, ref.end),
      literalRange: range(ref.literal.start, ref.literal.end),
      recordIdRanges: ref.recordIds.map((literal) => ({ literal, range: range(literal.start, literal.end) })),
    }));
    this.scanned.set(document, { version: document.version, refs });
    return refs;
  }
}
