// What every lookup provider shares: the references of open documents, the directory of groups
// (short-lived cache over src/aws) and one signal that what the directory knows may have changed.
import * as vscode from 'vscode';
import type { Services } from '../util/services';
import { isCancelled, type CancellationLike } from './cancel';
import { GroupDirectory } from './directory';
import { DocumentReferences } from './documents';
import { definitionOf, lookUpRecord, resolveReference, type DefinitionOutcome, type RecordLookup, type Resolution } from './resolver';
import { servicesSource, type LookupProfile } from './source';

/** Lens and diagnostic refreshes wait this long after the last change signal. */
const CHANGE_DEBOUNCE_MS = 300;

export class LookupService implements vscode.Disposable {
  readonly directory: GroupDirectory;
  readonly documents: DocumentReferences;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fired (debounced) when cached data was dropped: views built on it should ask again. */
  readonly onDidChange = this.changeEmitter.event;
  private changeTimer: NodeJS.Timeout | undefined;

  constructor(
    services: () => Services,
    profiles: () => Promise<LookupProfile[]>,
    readonly log?: vscode.LogOutputChannel,
  ) {
    this.directory = new GroupDirectory(servicesSource(services, profiles));
    this.documents = new DocumentReferences(log);
  }

  /** False when no profile is configured (or the files cannot be read): then the lookup stays silent. */
  async hasProfiles(token?: CancellationLike): Promise<boolean> {
    try {
      return (await this.directory.profiles(token)).length > 0;
    } catch (err) {
      if (isCancelled(err)) throw err;
      return false;
    }
  }

  resolve(target: string, token?: CancellationLike): Promise<Resolution> {
    return resolveReference(this.directory, target, token);
  }

  definition(resolution: Resolution, token?: CancellationLike): Promise<DefinitionOutcome> {
    return definitionOf(this.directory, resolution, token);
  }

  record(resolution: Resolution, recordId: string, token?: CancellationLike): Promise<RecordLookup> {
    return lookUpRecord(this.directory, resolution, recordId, token);
  }

  /** Forget listings and definitions (the tree was refreshed, a share accepted, settings changed). */
  invalidate(opts: { records?: boolean } = {}): void {
    this.directory.invalidate(opts);
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.changeEmitter.fire(), CHANGE_DEBOUNCE_MS);
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    this.changeEmitter.dispose();
  }
}
