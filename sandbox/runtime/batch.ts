// BatchGetRecord, BatchWriteRecord, ListRecords and UpdateRecord.
import type { Json } from '../check';
import type { Caller, Core } from '../core';
import { ApiError } from '../errors';
import { paginate } from '../paging';
import { checkFeatureNames, liveRecord, recordOutput, writeRecord } from './records';
import { requireOnlineStore, resolveGroup, rtCheck as check } from './resolve';
import { validationError } from './values';

export function batchGetRecord(core: Core, caller: Caller, input: Json): unknown {
  const identifiers = check.objList(input, 'Identifiers', { required: true, min: 1, max: 100 })!;
  const expiration = check.oneOf(input, 'ExpirationTimeResponse', ['Enabled', 'Disabled'] as const);
  const Records: unknown[] = [];
  const Errors: unknown[] = [];
  let total = 0;
  const parsed = identifiers.map((ident) => {
    const group = check.str(ident, 'FeatureGroupName', { required: true, min: 1, max: 150 });
    const ids = check.strList(ident, 'RecordIdentifiersValueAsString', { required: true, min: 1, max: 100 })!;
    const names = check.strList(ident, 'FeatureNames', { min: 1 });
    total += ids.length;
    return { group, ids, names };
  });
  if (total > 100) throw validationError(`BatchGetRecord accepts at most 100 record identifiers in total; got ${total}`);
  for (const { group, ids, names } of parsed) {
    let fg;
    try {
      fg = resolveGroup(core, caller, group, 'BatchGetRecord');
      requireOnlineStore(fg);
      checkFeatureNames(fg, names);
    } catch (err) {
      // An unknown group is reported per record; refusals fail the whole call.
      if (!(err instanceof ApiError) || err.code !== 'ResourceNotFound') throw err;
      for (const id of ids) Errors.push({ FeatureGroupName: group, RecordIdentifierValueAsString: id, ErrorCode: 'ResourceNotFound', ErrorMessage: err.message });
      continue;
    }
    for (const id of ids) {
      const rec = liveRecord(core, fg, id);
      if (!rec) continue;
      const out = recordOutput(rec, names, expiration === 'Enabled');
      if (out.Record) Records.push({ FeatureGroupName: group, RecordIdentifierValueAsString: id, ...out });
    }
  }
  return { Records, Errors, UnprocessedIdentifiers: [] };
}

export function batchWriteRecord(core: Core, caller: Caller, input: Json): unknown {
  const entries = check.objList(input, 'Entries', { required: true, min: 1, max: 25 })!;
  const ttl = check.obj(input, 'TtlDuration');
  const Errors: unknown[] = [];
  for (const entry of entries) {
    try {
      const group = check.str(entry, 'FeatureGroupName', { required: true, min: 1, max: 150 });
      writeRecord(core, resolveGroup(core, caller, group, 'BatchWriteRecord'), entry, ttl);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      Errors.push({ Entry: entry, ErrorCode: err.code, ErrorMessage: err.message });
    }
  }
  return { Errors, UnprocessedEntries: [] };
}

export function listRecords(core: Core, caller: Caller, group: string, input: Json): unknown {
  const max = check.num(input, 'MaxResults', { integer: true, min: 1, max: 100 }) ?? 100;
  const token = check.str(input, 'NextToken', { min: 1, max: 8192 });
  const includeDeleted = check.bool(input, 'IncludeSoftDeletedRecords') ?? false;
  const fg = resolveGroup(core, caller, group, 'ListRecords');
  requireOnlineStore(fg);
  const now = core.now();
  const ids = Object.entries(core.state.records[fg.arn] ?? {})
    .filter(([, r]) => (includeDeleted || !r.deleted) && (r.expiresAt === undefined || r.expiresAt > now))
    .map(([id]) => id)
    .sort();
  const page = paginate(ids, (id) => id, token, max, () => check.fail('The NextToken is invalid'));
  return { RecordIdentifiers: page.items, NextToken: page.nextToken };
}

/** Partial update: the given features replace their values, the others are kept. */
export function updateRecord(core: Core, caller: Caller, group: string, input: Json): unknown {
  const id = check.str(input, 'RecordIdentifierValueAsString', { required: true });
  const features = check.objList(input, 'Features', { required: true, min: 1 })!;
  const fg = resolveGroup(core, caller, group, 'UpdateRecord');
  requireOnlineStore(fg);
  const rec = liveRecord(core, fg, id);
  if (!rec) throw new ApiError('ResourceNotFound', `Record ${id} not found in feature group ${fg.name}`, 404);
  const merged = new Map(rec.values.map((v) => [v.FeatureName, { ...v } as Json]));
  for (const f of features) merged.set(String(f.FeatureName), f);
  writeRecord(core, fg, { Record: [...merged.values()], TargetStores: input.TargetStores, TtlDuration: input.TtlDuration }, undefined);
  return undefined;
}
