// Warns where a bare name cannot work: no profile owns a group of that name, yet other accounts
// share (or show) one, and a bare name always means the caller's own account. Computed a moment
// after the user stops typing, cancelled when the document changes again, from the cached directory.
import * as vscode from 'vscode';
import { isCancelled } from './cancel';
import { BARE_NAME_OTHER_ACCOUNT, DIAGNOSTIC_SOURCE } from './ids';
import { lookupLanguageOf } from './languages';
import type { LookupService } from './lookupService';
import type { Resolution } from './resolver';

const DEBOUNCE_MS = 500;

export function bareNameMessage(resolution: Resolution): string {
  const owners = [...new Set(resolution.byArnOnly.map((r) => r.group.ownerAccountId))].join(' and ');
  const profiles = [...new Set(resolution.byArnOnly.map((r) => r.profile.name))].join(', ');
  return `"${resolution.name}" is not a feature group of any profile's own account, and a bare name always means the caller's account. It exists in account ${owners} (visible to ${profiles}): use its ARN.`;
}

export class LookupDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('featureStoreLookup');
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; cancel: vscode.CancellationTokenSource }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly lookup: LookupService) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      lookup.onDidChange(() => this.scheduleAll()),
    );
    this.scheduleAll();
  }

  scheduleAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancelKey(key);
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!lookupLanguageOf(document)) return;
    this.cancelPending(document);
    const key = document.uri.toString();
    const cancel = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => void this.run(document, cancel), DEBOUNCE_MS);
    this.pending.set(key, { timer, cancel });
  }

  private async run(document: vscode.TextDocument, cancel = new vscode.CancellationTokenSource()): Promise<void> {
    const key = document.uri.toString();
    const work = this.compute(document, cancel.token).then(
      (diagnostics) => {
        if (!cancel.token.isCancellationRequested && !document.isClosed) this.collection.set(document.uri, diagnostics);
      },
      (err: unknown) => {
        if (!isCancelled(err)) this.lookup.log?.warn(`Feature Store diagnostics of ${document.uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    await work;
    if (this.pending.get(key)?.cancel === cancel) this.pending.delete(key);
  }

  private async compute(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.Diagnostic[]> {
    const references = this.lookup.documents.get(document).filter((r) => !r.ref.isArn);
    if (references.length === 0) return [];
    const targets = [...new Set(references.map((r) => r.ref.target))];
    const resolutions = new Map(await Promise.all(targets.map(async (t) => [t, await this.lookup.resolve(t, token)] as const)));
    const diagnostics: vscode.Diagnostic[] = [];
    const flagged = new Set<number>();
    for (const r of references) {
      const resolution = resolutions.get(r.ref.target)!;
      // One warning per literal: a constant used ten times is fixed once, where it is defined.
      if (resolution.otherAccountArns.length === 0 || flagged.has(r.ref.literal.start)) continue;
      flagged.add(r.ref.literal.start);
      const d = new vscode.Diagnostic(r.literalRange, bareNameMessage(resolution), vscode.DiagnosticSeverity.Warning);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = BARE_NAME_OTHER_ACCOUNT;
      diagnostics.push(d);
    }
    return diagnostics;
  }

  private cancelPending(document: vscode.TextDocument): void {
    this.cancelKey(document.uri.toString());
  }

  private cancelKey(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    clearTimeout(p.timer);
    p.cancel.cancel();
    p.cancel.dispose();
    this.pending.delete(key);
  }

  private forget(document: vscode.TextDocument): void {
    this.cancelPending(document);
    this.collection.delete(document.uri);
  }
}
