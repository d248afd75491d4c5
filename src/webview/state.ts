// What the page remembers while hidden and across a window reload (webview state). The panel
// serializer reads `profile` and `groupArn` from it to reopen the same group.
import type { BatchRowView, CopyFormat, DeletionMode, RecordValues, WritePreview } from '../inspector/protocol';
import type { TtlDuration } from '../aws/model';
import { vscodeApi } from './rpc';

export type StatusKind = 'idle' | 'busy' | 'info' | 'success' | 'not-found' | 'warning' | 'error';

export interface LoadedRecord {
  recordId: string;
  values: RecordValues;
  expiresAt?: string;
  /** Set when only some features were read. */
  featureNames?: string[];
}

export interface EditorState {
  mode: 'form' | 'json';
  /** Editing a new record (no stored one to start from). */
  isNew: boolean;
  texts: Record<string, string>;
  jsonText: string;
  ttlEnabled: boolean;
  ttlValue: string;
  ttlUnit: TtlDuration['unit'];
  /** The reviewed difference, when the user is at the confirm step. */
  preview?: WritePreview;
  previewValues?: RecordValues;
}

export interface BatchState {
  rows: BatchRowView[];
  calls: number;
  retriedIds: number;
  featureNames?: string[];
}

export interface PageState {
  v: 1;
  /** When it was saved (ms): of the webview's copy and the host's, the newer one wins. */
  savedAt?: number;
  profile: string;
  groupArn: string;
  tab: 'record' | 'batch';
  recordIdText: string;
  /** Features picked for reading; undefined = all. */
  featureSelection?: string[];
  record?: LoadedRecord;
  status?: { kind: StatusKind; message: string };
  editor?: EditorState;
  deleteOpen?: boolean;
  deleteMode: DeletionMode;
  copied?: { format: CopyFormat; text: string };
  batchText: string;
  batch?: BatchState;
  batchStatus?: { kind: StatusKind; message: string };
}

export function initialState(profile: string, groupArn: string): PageState {
  return { v: 1, profile, groupArn, tab: 'record', recordIdText: '', deleteMode: 'SoftDelete', batchText: '' };
}

function usable(saved: unknown, profile: string, groupArn: string): Partial<PageState> | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const s = saved as Partial<PageState>;
  return s.v === 1 && s.profile === profile && s.groupArn === groupArn ? s : undefined;
}

/**
 * The saved state for this group, or a fresh one: the newer of the webview's own state and the
 * host's copy (a state of another group is ignored).
 */
export function loadState(profile: string, groupArn: string, hostCopy?: unknown): PageState {
  const candidates = [usable(vscodeApi.getState(), profile, groupArn), usable(hostCopy, profile, groupArn)].filter((s) => s !== undefined);
  candidates.sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
  return { ...initialState(profile, groupArn), ...candidates[0] } as PageState;
}

let pendingCopy: ReturnType<typeof setTimeout> | undefined;

/** Saves in the webview at once, and sends the host its copy shortly after (typing coalesces). */
export function saveState(state: PageState): void {
  state.savedAt = Date.now();
  vscodeApi.setState(state);
  if (pendingCopy) clearTimeout(pendingCopy);
  pendingCopy = setTimeout(() => {
    pendingCopy = undefined;
    vscodeApi.postMessage({ type: 'state', state });
  }, 200);
}
