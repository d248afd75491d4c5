// Read-only documents showing one looked-up record, for the peek view of "Look Up Record…". The
// text is fixed when the lookup runs (a snapshot, labelled with its time), so showing it calls nothing.
import * as vscode from 'vscode';
import type { FeatureGroupDetail, FeatureRecord } from '../aws/model';
import { formatAccess } from '../util/format';
import { RECORD_SCHEME } from './ids';

const MAX_SNAPSHOTS = 50;

export interface RecordSnapshot {
  profile: string;
  group: FeatureGroupDetail;
  recordId: string;
  record: FeatureRecord;
  readAt: Date;
}

/** `// header` lines, then the record as JSON in the group's feature order (wire values: strings and string lists). */
export function recordText(s: RecordSnapshot): string {
  const oneLine = (t: string) => t.replace(/[\r\n]+/g, ' ');
  const known = s.group.features.map((f) => f.name).filter((n) => n in s.record.values);
  const extra = Object.keys(s.record.values).filter((n) => !known.includes(n));
  const ordered: Record<string, string | string[]> = {};
  for (const n of [...known, ...extra]) ordered[n] = s.record.values[n];
  const header = [
    `// ${oneLine(s.group.name)} · record ${JSON.stringify(s.recordId)} · read as ${oneLine(s.profile)} (${formatAccess(s.group.access)}) at ${s.readAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `// ${s.group.arn}`,
  ];
  if (s.record.expiresAt) header.push(`// expires ${oneLine(s.record.expiresAt)}`);
  return `${header.join('\n')}\n${JSON.stringify(ordered, null, 2)}\n`;
}

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
