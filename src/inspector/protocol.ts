// The record inspector's message protocol: the only shapes that cross postMessage, imported by the
// extension host (src/inspector/panel.ts) and the page (src/webview/main.ts). Requests carry an id
// and get exactly one response with the same id; notifications have no id.
// Pure (no 'vscode', no DOM): guards run on both sides because neither side trusts the other's bytes.
import type { AccessLevel, FeatureDefinition, FeatureGroupDetail, TtlDuration } from '../aws/model';
import type { FeatureChange } from '../aws/recordDiff';

/** What the page needs to know about the group; dates are not sent (JSON would flatten them). */
export interface GroupView {
  profile: string;
  name: string;
  arn: string;
  ownerAccountId: string;
  region: string;
  access: AccessLevel;
  /** The host decides: discoverable-only groups get no read controls, only this reason. */
  canRead: boolean;
  /** The host decides: only groups whose access includes PutRecord/DeleteRecord get write controls. */
  canWrite: boolean;
  /** Why reading or writing is absent, in words (undefined when both are allowed). */
  accessNote?: string;
  recordIdentifierFeatureName: string;
  eventTimeFeatureName: string;
  features: FeatureDefinition[];
  description?: string;
  onlineStoreEnabled: boolean;
  offlineStoreEnabled: boolean;
  storageType?: FeatureGroupDetail['storageType'];
  defaultTtl?: TtlDuration;
}

/** Feature name → value as the wire carries it: scalars as strings, collections as string lists. */
export type RecordValues = Record<string, string | string[]>;

export interface FieldProblem {
  feature: string;
  message: string;
}

export type DeletionMode = 'SoftDelete' | 'HardDelete';
export type CopyFormat = 'json' | 'python' | 'typescript';

export interface BatchRowView {
  recordId: string;
  status: 'found' | 'notFound' | 'error' | 'unprocessed';
  values?: RecordValues;
  expiresAt?: string;
  errorCode?: string;
  error?: string;
}

// ---- page → host -------------------------------------------------------------------------------

export interface GetRecordRequest {
  type: 'getRecord';
  id: number;
  recordId: string;
  /** A subset of features to read; absent or empty = all. */
  featureNames?: string[];
}

export interface BatchGetRequest {
  type: 'batchGet';
  id: number;
  recordIds: string[];
  featureNames?: string[];
}

/** Read the stored record and say what writing `values` would change; nothing is written. */
export interface PreviewWriteRequest {
  type: 'previewWrite';
  id: number;
  values: RecordValues;
  ttl?: TtlDuration;
}

export interface PutRecordRequest {
  type: 'putRecord';
  id: number;
  values: RecordValues;
  ttl?: TtlDuration;
  /** The fingerprint of the stored record the user reviewed; the write stops if it changed since. */
  baseline?: string;
}

export interface DeleteRecordRequest {
  type: 'deleteRecord';
  id: number;
  recordId: string;
  mode: DeletionMode;
}

/** Copy a record: as JSON (values as shown), or a snippet that fetches it by ARN. */
export interface CopyRequest {
  type: 'copy';
  id: number;
  format: CopyFormat;
  recordId: string;
  values?: RecordValues;
}

export type InspectorRequest = GetRecordRequest | BatchGetRequest | PreviewWriteRequest | PutRecordRequest | DeleteRecordRequest | CopyRequest;

/** Sent once the page's script runs; the host answers with `init` (or `unavailable`). */
export interface ReadyNotification {
  type: 'ready';
}

/**
 * The page's state (inputs and results) after a change. The host keeps a copy in the workspace
 * state, written at once, because the webview's own state is only persisted when the window
 * saves its editors (which a reload may not wait for).
 */
export interface StateNotification {
  type: 'state';
  state: Record<string, unknown>;
}

export type WebviewMessage = InspectorRequest | ReadyNotification | StateNotification;

// ---- host → page -------------------------------------------------------------------------------

export type RecordOutcome =
  | { kind: 'found'; recordId: string; values: RecordValues; expiresAt?: string; featureNames?: string[] }
  | { kind: 'notFound'; recordId: string }
  | { kind: 'error'; message: string };

export type BatchOutcome =
  | { kind: 'batch'; rows: BatchRowView[]; calls: number; retriedIds: number; featureNames?: string[] }
  | { kind: 'error'; message: string };

export interface WritePreview {
  recordId: string;
  /** Whether a record with this id is stored now. */
  exists: boolean;
  /** Features whose value the write changes (PutRecord replaces the whole record). */
  changes: FeatureChange[];
  /** How many features keep their value. */
  unchanged: number;
  storedEventTime?: string;
  newEventTime: string;
  /** Set when the write would not replace the online record (its event time is not newer). */
  eventTimeWarning?: string;
  /** When the record would expire, in words. */
  ttlNote?: string;
  ttl?: TtlDuration;
  /** Fingerprint of the stored record this preview was computed against. */
  baseline: string;
}

export type PreviewOutcome =
  | { kind: 'preview'; preview: WritePreview }
  /** Nothing was read or written: the values failed validation. */
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'error'; message: string };

export type PutOutcome =
  | { kind: 'written'; recordId: string; readBack?: RecordOutcome; warning?: string }
  /** Nothing was sent: the values failed validation. */
  | { kind: 'invalid'; problems: FieldProblem[] }
  /** Nothing was sent: the user dismissed the confirmation. */
  | { kind: 'cancelled' }
  /** Nothing was sent: the stored record changed after the user reviewed the difference. */
  | { kind: 'conflict'; preview: WritePreview }
  | { kind: 'error'; message: string };

export type DeleteOutcome =
  | { kind: 'deleted'; recordId: string; mode: DeletionMode; eventTime: string }
  | { kind: 'notFound'; recordId: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export type CopyOutcome = { kind: 'copied'; format: CopyFormat; text: string } | { kind: 'error'; message: string };

export interface RecordResultResponse {
  type: 'recordResult';
  id: number;
  outcome: RecordOutcome;
}

export interface BatchResultResponse {
  type: 'batchResult';
  id: number;
  outcome: BatchOutcome;
}

export interface PreviewResultResponse {
  type: 'previewResult';
  id: number;
  outcome: PreviewOutcome;
}

export interface PutResultResponse {
  type: 'putResult';
  id: number;
  outcome: PutOutcome;
}

export interface DeleteResultResponse {
  type: 'deleteResult';
  id: number;
  outcome: DeleteOutcome;
}

export interface CopyResultResponse {
  type: 'copyResult';
  id: number;
  outcome: CopyOutcome;
}

export type InspectorResponse = RecordResultResponse | BatchResultResponse | PreviewResultResponse | PutResultResponse | DeleteResultResponse | CopyResultResponse;

export interface InitNotification {
  type: 'init';
  group: GroupView;
  /** The host's copy of the page state, if it has one (the page keeps the newer of the two). */
  savedState?: Record<string, unknown>;
}

/** A restored panel whose group could not be opened again (profile gone, access revoked, offline). */
export interface UnavailableNotification {
  type: 'unavailable';
  title: string;
  message: string;
}

/** Fill in a record id and read it (e.g. from a hover's "Open in Record Inspector" link). */
export interface LookUpNotification {
  type: 'lookUp';
  recordId: string;
}

export type HostMessage = InspectorResponse | InitNotification | UnavailableNotification | LookUpNotification;

interface ResponseTypeByRequest {
  getRecord: RecordResultResponse;
  batchGet: BatchResultResponse;
  previewWrite: PreviewResultResponse;
  putRecord: PutResultResponse;
  deleteRecord: DeleteResultResponse;
  copy: CopyResultResponse;
}

export type ResponseFor<R extends InspectorRequest> = ResponseTypeByRequest[R['type']];
export type OutcomeFor<R extends InspectorRequest> = ResponseFor<R>['outcome'];

export const RESPONSE_TYPE: { [K in InspectorRequest['type']]: ResponseTypeByRequest[K]['type'] } = {
  getRecord: 'recordResult',
  batchGet: 'batchResult',
  previewWrite: 'previewResult',
  putRecord: 'putResult',
  deleteRecord: 'deleteResult',
  copy: 'copyResult',
};

// ---- guards ------------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRequestId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}

const isOptionalStringList = (v: unknown): boolean => v === undefined || isStringList(v);

function isWireValue(v: unknown): v is string | string[] {
  return typeof v === 'string' || isStringList(v);
}

export function isRecordValues(v: unknown): v is RecordValues {
  return isObject(v) && Object.values(v).every(isWireValue);
}

const TTL_UNITS: readonly string[] = ['Seconds', 'Minutes', 'Hours', 'Days', 'Weeks'] satisfies TtlDuration['unit'][];

function isTtl(v: unknown): v is TtlDuration {
  return isObject(v) && typeof v.unit === 'string' && TTL_UNITS.includes(v.unit) && typeof v.value === 'number' && Number.isFinite(v.value);
}

const isOptionalTtl = (v: unknown): boolean => v === undefined || isTtl(v);

/** Host side: accept only well-formed messages from the page. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObject(v)) return false;
  if (v.type === 'ready') return true;
  if (v.type === 'state') return isObject(v.state);
  if (!isRequestId(v.id)) return false;
  switch (v.type) {
    case 'getRecord':
      return isString(v.recordId) && isOptionalStringList(v.featureNames);
    case 'batchGet':
      return isStringList(v.recordIds) && isOptionalStringList(v.featureNames);
    case 'previewWrite':
      return isRecordValues(v.values) && isOptionalTtl(v.ttl);
    case 'putRecord':
      return isRecordValues(v.values) && isOptionalTtl(v.ttl) && isOptionalString(v.baseline);
    case 'deleteRecord':
      return isString(v.recordId) && (v.mode === 'SoftDelete' || v.mode === 'HardDelete');
    case 'copy':
      return (v.format === 'json' || v.format === 'python' || v.format === 'typescript') && isString(v.recordId) && (v.values === undefined || isRecordValues(v.values));
    default:
      return false;
  }
}

function isProblems(v: unknown): v is FieldProblem[] {
  return Array.isArray(v) && v.every((p) => isObject(p) && isString(p.feature) && isString(p.message));
}

function isRecordOutcome(v: unknown): v is RecordOutcome {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'found':
      return isString(v.recordId) && isRecordValues(v.values) && isOptionalString(v.expiresAt) && isOptionalStringList(v.featureNames);
    case 'notFound':
      return isString(v.recordId);
    case 'error':
      return isString(v.message);
    default:
      return false;
  }
}

const BATCH_STATUSES: readonly string[] = ['found', 'notFound', 'error', 'unprocessed'] satisfies BatchRowView['status'][];

function isBatchRow(v: unknown): v is BatchRowView {
  return (
    isObject(v) &&
    isString(v.recordId) &&
    isString(v.status) &&
    BATCH_STATUSES.includes(v.status) &&
    (v.values === undefined || isRecordValues(v.values)) &&
    isOptionalString(v.expiresAt) &&
    isOptionalString(v.errorCode) &&
    isOptionalString(v.error)
  );
}

function isBatchOutcome(v: unknown): v is BatchOutcome {
  if (!isObject(v)) return false;
  if (v.kind === 'error') return isString(v.message);
  return v.kind === 'batch' && Array.isArray(v.rows) && v.rows.every(isBatchRow) && typeof v.calls === 'number' && typeof v.retriedIds === 'number' && isOptionalStringList(v.featureNames);
}

function isChange(v: unknown): v is FeatureChange {
  return isObject(v) && isString(v.feature) && (v.before === undefined || isWireValue(v.before)) && (v.after === undefined || isWireValue(v.after));
}

function isPreview(v: unknown): v is WritePreview {
  return (
    isObject(v) &&
    isString(v.recordId) &&
    typeof v.exists === 'boolean' &&
    Array.isArray(v.changes) &&
    v.changes.every(isChange) &&
    typeof v.unchanged === 'number' &&
    isOptionalString(v.storedEventTime) &&
    isString(v.newEventTime) &&
    isOptionalString(v.eventTimeWarning) &&
    isOptionalString(v.ttlNote) &&
    isOptionalTtl(v.ttl) &&
    isString(v.baseline)
  );
}

function isPreviewOutcome(v: unknown): v is PreviewOutcome {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'preview':
      return isPreview(v.preview);
    case 'invalid':
      return isProblems(v.problems);
    case 'error':
      return isString(v.message);
    default:
      return false;
  }
}

function isPutOutcome(v: unknown): v is PutOutcome {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'written':
      return isString(v.recordId) && (v.readBack === undefined || isRecordOutcome(v.readBack)) && isOptionalString(v.warning);
    case 'invalid':
      return isProblems(v.problems);
    case 'cancelled':
      return true;
    case 'conflict':
      return isPreview(v.preview);
    case 'error':
      return isString(v.message);
    default:
      return false;
  }
}

function isDeleteOutcome(v: unknown): v is DeleteOutcome {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'deleted':
      return isString(v.recordId) && (v.mode === 'SoftDelete' || v.mode === 'HardDelete') && isString(v.eventTime);
    case 'notFound':
      return isString(v.recordId);
    case 'cancelled':
      return true;
    case 'error':
      return isString(v.message);
    default:
      return false;
  }
}

function isCopyOutcome(v: unknown): v is CopyOutcome {
  if (!isObject(v)) return false;
  if (v.kind === 'error') return isString(v.message);
  return v.kind === 'copied' && (v.format === 'json' || v.format === 'python' || v.format === 'typescript') && isString(v.text);
}

function isFeatureDefinition(v: unknown): v is FeatureDefinition {
  return (
    isObject(v) &&
    isString(v.name) &&
    (v.type === 'Integral' || v.type === 'Fractional' || v.type === 'String') &&
    (v.collection === undefined || v.collection === 'List' || v.collection === 'Set' || v.collection === 'Vector') &&
    (v.vectorDimension === undefined || typeof v.vectorDimension === 'number')
  );
}

const ACCESS_LEVELS: readonly string[] = ['owner', 'admin', 'readWrite', 'readOnly', 'discoverOnly'] satisfies AccessLevel[];

function isGroupView(v: unknown): v is GroupView {
  return (
    isObject(v) &&
    isString(v.profile) &&
    isString(v.name) &&
    isString(v.arn) &&
    isString(v.ownerAccountId) &&
    isString(v.region) &&
    isString(v.access) &&
    ACCESS_LEVELS.includes(v.access) &&
    typeof v.canRead === 'boolean' &&
    typeof v.canWrite === 'boolean' &&
    isOptionalString(v.accessNote) &&
    isString(v.recordIdentifierFeatureName) &&
    isString(v.eventTimeFeatureName) &&
    Array.isArray(v.features) &&
    v.features.every(isFeatureDefinition) &&
    isOptionalString(v.description) &&
    typeof v.onlineStoreEnabled === 'boolean' &&
    typeof v.offlineStoreEnabled === 'boolean' &&
    isOptionalTtl(v.defaultTtl)
  );
}

/** Page side: accept only well-formed messages from the host. */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'init':
      return isGroupView(v.group) && (v.savedState === undefined || isObject(v.savedState));
    case 'unavailable':
      return isString(v.title) && isString(v.message);
    case 'lookUp':
      return isString(v.recordId);
  }
  if (!isRequestId(v.id)) return false;
  switch (v.type) {
    case 'recordResult':
      return isRecordOutcome(v.outcome);
    case 'batchResult':
      return isBatchOutcome(v.outcome);
    case 'previewResult':
      return isPreviewOutcome(v.outcome);
    case 'putResult':
      return isPutOutcome(v.outcome);
    case 'deleteResult':
      return isDeleteOutcome(v.outcome);
    case 'copyResult':
      return isCopyOutcome(v.outcome);
    default:
      return false;
  }
}
