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

/** The saved state for this group, or a fresh one (a saved state of another group is ignored). */
export function loadState(profile: string, groupArn: string): PageState {
  const saved = vscodeApi.getState() as Partial<PageState> | undefined;
  if (!saved || saved.v !== 1 || saved.profile !== profile || saved.groupArn !== groupArn) return initialState(profile, groupArn);
  return { ...initialState(profile, groupArn), ...saved } as PageState;
}

export function saveState(state: PageState): void {
  vscodeApi.setState(state);
}
