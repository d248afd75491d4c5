// GetRecord, PutRecord, DeleteRecord and the shared write path used by BatchWriteRecord.
import type { Json } from '../check';
import type { Caller, Core } from '../core';
import { checkTtl, ttlMs } from '../sagemaker/definitions';
import { dict, type FeatureGroup, type FeatureValue, type StoredRecord } from '../state';
import { requireOnlineStore, resolveGroup, rtCheck as check } from './resolve';
import { END_EVENT_TIME_SECONDS, isoInstant } from '../time';
import { checkRecord, parseEventTime, validationError } from './values';

const TARGET_STORES: readonly string[] = ['OnlineStore', 'OfflineStore'];

function checkTargetStores(targets: readonly string[] | undefined): void {
  for (const t of targets ?? []) {
    if (!TARGET_STORES.includes(t)) throw check.fail(`1 validation error detected: Value '${t}' at 'targetStores' failed to satisfy constraint: Member must satisfy enum value set: [OnlineStore, OfflineStore]`);
  }
}

/** The live online record for an id, or undefined if absent, soft-deleted or past its TTL. */
export function liveRecord(core: Core, fg: FeatureGroup, id: string): StoredRecord | undefined {
  const rec = core.state.records[fg.arn]?.[id];
  if (!rec || rec.deleted) return undefined;
  if (typeof rec.expiresAt === 'number' && rec.expiresAt <= core.now()) return undefined;
  return rec;
}

export function checkFeatureNames(fg: FeatureGroup, names: readonly string[] | undefined): void {
  for (const name of names ?? []) {
    if (!fg.featureDefinitions.some((d) => d.FeatureName === name)) throw validationError(`Feature ${name} is not defined in feature group ${fg.name}`);
  }
}

/** Record (subset) plus ExpiresAt as GetRecord and BatchGetRecord return them. */
export function recordOutput(rec: StoredRecord, names: readonly string[] | undefined, withExpiry: boolean): { Record?: FeatureValue[]; ExpiresAt?: string } {
  const values = names && names.length > 0 ? rec.values.filter((v) => names.includes(v.FeatureName)) : rec.values;
  const out: { Record?: FeatureValue[]; ExpiresAt?: string } = {};
  if (values.length > 0) out.Record = values;
  const expiresAt = withExpiry ? isoInstant(rec.expiresAt) : undefined;
  if (expiresAt) out.ExpiresAt = expiresAt;
  return out;
}

export function getRecord(core: Core, caller: Caller, group: string, query: URLSearchParams): unknown {
  const id = query.get('RecordIdentifierValueAsString');
  if (id === null) throw check.missing('RecordIdentifierValueAsString');
  const names = query.getAll('FeatureName');
  const expiration = query.get('ExpirationTimeResponse');
  if (expiration !== null && expiration !== 'Enabled' && expiration !== 'Disabled') throw check.fail(`1 validation error detected: Value '${expiration}' at 'expirationTimeResponse' failed to satisfy constraint: Member must satisfy enum value set: [Enabled, Disabled]`);
  const fg = resolveGroup(core, caller, group, 'GetRecord');
  requireOnlineStore(fg);
  checkFeatureNames(fg, names);
  const rec = liveRecord(core, fg, id);
  return rec ? recordOutput(rec, names, expiration === 'Enabled') : {};
}

export function putRecord(core: Core, caller: Caller, group: string, input: Json): unknown {
  const fg = resolveGroup(core, caller, group, 'PutRecord');
  writeRecord(core, fg, input, undefined);
  return undefined;
}

/** Validates and stores one record; `defaultTtl` is BatchWriteRecord's request-level TTL. */
export function writeRecord(core: Core, fg: FeatureGroup, input: Json, defaultTtl: Json | undefined): void {
  const targets = check.strList(input, 'TargetStores', { min: 1, max: 2 });
  checkTargetStores(targets);
  const ttl = checkTtl(check, check.obj(input, 'TtlDuration') ?? defaultTtl);
  if (input.Record === undefined) throw check.missing('Record');
  const checked = checkRecord(fg, input.Record);
  const effectiveTtl = ttl ?? fg.onlineStoreConfig?.TtlDuration;
  const expiresAt = effectiveTtl ? checked.eventTime * 1000 + ttlMs(effectiveTtl) : undefined;
  // AWS answers ExpiresAt as an ISO instant, and the event time range ends with year 9999: an
  // expiry beyond that has no answer, so such a write is refused rather than stored (docs/sandbox.md).
  if (expiresAt !== undefined && !(expiresAt < END_EVENT_TIME_SECONDS * 1000)) {
    const whose = ttl ? 'the TtlDuration' : `the default TtlDuration of feature group ${fg.name}`;
    throw validationError(`The record would expire after 9999-12-31T23:59:59.999999999Z: its EventTime plus ${whose} (${effectiveTtl!.Value} ${effectiveTtl!.Unit}) is beyond the supported range. Use a shorter TtlDuration or an earlier EventTime`);
  }
  const online = !!fg.onlineStoreConfig?.EnableOnlineStore;
  if (targets?.includes('OnlineStore') && !online) throw check.fail(`Feature group ${fg.name} does not have an online store`);
  if (targets?.includes('OfflineStore') && !fg.offlineStoreConfig) throw check.fail(`Feature group ${fg.name} does not have an offline store`);
  if (!online || (targets && !targets.includes('OnlineStore'))) return;
  const records = core.state.records[fg.arn] ?? (core.state.records[fg.arn] = dict());
  const existing = records[checked.recordId];
  // An older event time is a historic record: it only goes to the offline store.
  if (existing && existing.eventTime > checked.eventTime) return;
  records[checked.recordId] = { values: checked.values, eventTime: checked.eventTime, expiresAt };
}

export function deleteRecord(core: Core, caller: Caller, group: string, query: URLSearchParams): unknown {
  const id = query.get('RecordIdentifierValueAsString');
  if (id === null) throw check.missing('RecordIdentifierValueAsString');
  const rawEventTime = query.get('EventTime');
  if (rawEventTime === null) throw check.missing('EventTime');
  const mode = query.get('DeletionMode') ?? 'SoftDelete';
  if (mode !== 'SoftDelete' && mode !== 'HardDelete') throw check.fail(`1 validation error detected: Value '${mode}' at 'deletionMode' failed to satisfy constraint: Member must satisfy enum value set: [SoftDelete, HardDelete]`);
  checkTargetStores(query.getAll('TargetStores'));
  const fg = resolveGroup(core, caller, group, 'DeleteRecord');
  const etDef = fg.featureDefinitions.find((d) => d.FeatureName === fg.eventTimeFeatureName)!;
  const eventTime = parseEventTime(etDef, rawEventTime);
  const records = core.state.records[fg.arn];
  const existing = records?.[id];
  if (!records || !existing) return undefined;
  if (eventTime < existing.eventTime) {
    if (mode === 'HardDelete') throw validationError(`EventTime ${rawEventTime} is older than the EventTime of the stored record: a HardDelete needs an EventTime greater than or equal to it`);
    return undefined;
  }
  if (mode === 'HardDelete') delete records[id];
  else records[id] = { values: [], eventTime, deleted: true };
  return undefined;
}
