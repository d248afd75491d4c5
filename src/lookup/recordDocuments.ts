// Read-only documents showing one looked-up record, for the peek view of "Look Up Record…". The
// text is fixed when the lookup runs (a snapshot, labelled with its time), so showing it calls nothing.
import * as vscode from 'vscode';
import { RECORD_SCHEME } from './ids';
import { recordText, type RecordSnapshot } from './render';

const MAX_SNAPSHOTS = 50;

export class RecordDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private counter = 0;

  /** Stores the snapshot and returns the URI that shows it. */
  add(snapshot: RecordSnapshot): vscode.Uri {
    const safe = (t: string) => encodeURIComponent(t).slice(0, 80);
    const uri = vscode.Uri.from({
      scheme: RECORD_SCHEME,
      path: `/${safe(snapshot.profile)}/${safe(snapshot.group.name)}/${safe(snapshot.recordId)}.jsonc`,
      query: `n=${++this.counter}`,
    });
    this.texts.set(uri.toString(), recordText(snapshot));
    while (this.texts.size > MAX_SNAPSHOTS) this.texts.delete(this.texts.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '// This lookup is no longer kept. Run "Look Up Record…" again.\n';
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.texts.clear();
  }
}
