// The record inspector's message protocol: the only shapes that cross postMessage, imported by the
// extension host (src/inspector/panel.ts) and the page (src/webview/main.ts). Requests carry an id
// and get exactly one response with the same id; notifications have no id.
// Pure (no 'vscode', no DOM): guards run on both sides because neither side trusts the other's bytes.
import type { AccessLevel, FeatureDefinition, FeatureGroupDetail, TtlDuration } from '../aws/model';

/** What the page needs to know about the group; dates are not sent (JSON would flatten them). */
export interface GroupView {
  profile: string;
  name: string;
  arn: string;
  ownerAccountId: string;
  region: string;
  access: AccessLevel;
  /** The host decides: only groups whose access includes PutRecord get write controls. */
  canWrite: boolean;
  recordIdentifierFeatureName: string;
  eventTimeFeatureName: string;
  features: FeatureDefinition[];
  description?: string;
  onlineStoreEnabled: boolean;
  storageType?: FeatureGroupDetail['storageType'];
  defaultTtl?: TtlDuration;
}

/** Feature name → value as the wire carries it: scalars as strings, collections as string lists. */
export type RecordValues = Record<string, string | string[]>;

export interface FieldProblem {
  feature: string;
  message: string;
}

// ---- page → host -------------------------------------------------------------------------------

export interface GetRecordRequest {
  type: 'getRecord';
  id: number;
  recordId: string;
}

export interface PutRecordRequest {
  type: 'putRecord';
  id: number;
  values: RecordValues;
}

export type InspectorRequest = GetRecordRequest | PutRecordRequest;

/** Sent once the page's script runs; the host answers with `init`. */
export interface ReadyNotification {
  type: 'ready';
}

export type WebviewMessage = InspectorRequest | ReadyNotification;

// ---- host → page -------------------------------------------------------------------------------

export type RecordOutcome =
  | { kind: 'found'; recordId: string; values: RecordValues; expiresAt?: string }
  | { kind: 'notFound'; recordId: string }
  | { kind: 'error'; message: string };

export type PutOutcome =
  | { kind: 'written'; recordId: string }
  /** Nothing was sent: the values failed validation. */
  | { kind: 'invalid'; problems: FieldProblem[] }
  /** Nothing was sent: the user dismissed the confirmation. */
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface RecordResultResponse {
  type: 'recordResult';
  id: number;
  outcome: RecordOutcome;
}

export interface PutResultResponse {
  type: 'putResult';
  id: number;
  outcome: PutOutcome;
}

export type InspectorResponse = RecordResultResponse | PutResultResponse;

export interface InitNotification {
  type: 'init';
  group: GroupView;
}

export type HostMessage = InspectorResponse | InitNotification;

interface ResponseTypeByRequest {
  getRecord: RecordResultResponse;
  putRecord: PutResultResponse;
}

export type ResponseFor<R extends InspectorRequest> = ResponseTypeByRequest[R['type']];

export const RESPONSE_TYPE: { [K in InspectorRequest['type']]: ResponseTypeByRequest[K]['type'] } = {
  getRecord: 'recordResult',
  putRecord: 'putResult',
};

// ---- guards ------------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRequestId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function isRecordValues(v: unknown): v is RecordValues {
  if (!isObject(v)) return false;
  return Object.values(v).every(
    (x) => typeof x === 'string' || (Array.isArray(x) && x.every((e) => typeof e === 'string')),
  );
}

/** Host side: accept only well-formed messages from the page. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'getRecord':
      return isRequestId(v.id) && typeof v.recordId === 'string';
    case 'putRecord':
      return isRequestId(v.id) && isRecordValues(v.values);
    default:
      return false;
  }
}

function isProblems(v: unknown): v is FieldProblem[] {
  return Array.isArray(v) && v.every((p) => isObject(p) && typeof p.feature === 'string' && typeof p.message === 'string');
}

function isRecordOutcome(v: unknown): v is RecordOutcome {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'found':
      return typeof v.recordId === 'string' && isRecordValues(v.values) && (v.expiresAt === undefined || typeof v.expiresAt === 'string');
    case 'notFound':
      return typeof v.recordId === 'string';
    case 'error':
      return typeof v.message === 'string';
    default:
      return false;
  }
}

function isPutOutcome(v: unknown): v is PutOutcome {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'written':
      return typeof v.recordId === 'string';
    case 'invalid':
      return isProblems(v.problems);
    case 'cancelled':
      return true;
    case 'error':
      return typeof v.message === 'string';
    default:
      return false;
  }
}

function isFeatureDefinition(v: unknown): v is FeatureDefinition {
  return (
    isObject(v) &&
    typeof v.name === 'string' &&
    (v.type === 'Integral' || v.type === 'Fractional' || v.type === 'String') &&
    (v.collection === undefined || v.collection === 'List' || v.collection === 'Set' || v.collection === 'Vector')
  );
}

const ACCESS_LEVELS: readonly string[] = ['owner', 'admin', 'readWrite', 'readOnly', 'discoverOnly'] satisfies AccessLevel[];

function isGroupView(v: unknown): v is GroupView {
  return (
    isObject(v) &&
    typeof v.profile === 'string' &&
    typeof v.name === 'string' &&
    typeof v.arn === 'string' &&
    typeof v.ownerAccountId === 'string' &&
    typeof v.access === 'string' &&
    ACCESS_LEVELS.includes(v.access) &&
    typeof v.canWrite === 'boolean' &&
    typeof v.recordIdentifierFeatureName === 'string' &&
    typeof v.eventTimeFeatureName === 'string' &&
    Array.isArray(v.features) &&
    v.features.every(isFeatureDefinition)
  );
}

/** Page side: accept only well-formed messages from the host. */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'init':
      return isGroupView(v.group);
    case 'recordResult':
      return isRequestId(v.id) && isRecordOutcome(v.outcome);
    case 'putResult':
      return isRequestId(v.id) && isPutOutcome(v.outcome);
    default:
      return false;
  }
}
