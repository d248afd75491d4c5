// Feature Store runtime: read, write, delete and batch-read records. Groups are always addressed by
// ARN, which is what makes cross-account groups work (a bare name resolves in the caller's own account).
import { DeleteRecordCommand, GetRecordCommand, PutRecordCommand, type FeatureValue } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { awsCall } from './call';
import type { ClientPool } from './clients';
import { eventTimeAfter, expiryProblem, hasValue, ttlProblem, validateRecord, type FeatureInput, type FeatureProblem } from './featureValues';
import type { AccountContext, FeatureGroupDetail, FeatureRecord, TtlDuration } from './model';
import { batchGetRecords, type BatchGetOptions, type BatchGetResult } from './recordBatch';
import { callDetails, valuesOf } from './recordWire';
import { validateRecordId } from './validation';

export { eventTimeAfter, nowEventTime, validateEventTime, validateFeatureValue, validateRecord, hasValue } from './featureValues';
export type { FeatureInput, FeatureProblem } from './featureValues';
export type { BatchGetOptions, BatchGetResult, BatchRow } from './recordBatch';
export { valuesOf } from './recordWire';

export class RecordValidationError extends Error {
  override readonly name = 'RecordValidationError';
  constructor(readonly problems: FeatureProblem[]) {
    super(problems.map((p) => `${p.feature}: ${p.message}`).join(' '));
  }
}

export type DeletionMode = 'SoftDelete' | 'HardDelete';

export function validateTtl(ttl: TtlDuration | undefined): FeatureProblem[] {
  const message = ttl && ttlProblem(ttl);
  return message ? [{ feature: 'TtlDuration', message }] : [];
}

/**
 * Every problem of a PutRecord before it is sent: the values, the record's own TTL, and an expiry
 * (event time + the record's TTL, else the group's) past 9999-12-31, which the service cannot hold.
 * The expiry problem sits on TtlDuration when the record's own TTL is to blame, else on the event time.
 */
export function validateWrite(group: FeatureGroupDetail, values: Record<string, FeatureInput>, ttl: TtlDuration | undefined): FeatureProblem[] {
  const problems = [...validateRecord(group, values), ...validateTtl(ttl)];
  const effective = ttl ?? group.defaultTtl;
  const eventDef = group.features.find((f) => f.name === group.eventTimeFeatureName);
  if (problems.length > 0 || !effective || !eventDef) return problems;
  const message = expiryProblem(eventDef, values[eventDef.name], effective);
  if (!message) return problems;
  return [ttl
    ? { feature: 'TtlDuration', message: `${message} Use a shorter time to live.` }
    : { feature: eventDef.name, message: `${message} (The time to live is the group's default.) Use an earlier event time, or give this record a shorter time to live of its own.` }];
}

function checkRecordId(group: FeatureGroupDetail, recordId: string): void {
  const idProblem = validateRecordId(recordId);
  if (idProblem) throw new RecordValidationError([{ feature: group.recordIdentifierFeatureName, message: idProblem }]);
}

export class RecordService {
  constructor(private readonly pool: ClientPool) {}

  /**
   * undefined = the group has no record with this id. ExpiresAt is always asked for: it comes back
   * only when the record has a time to live (the group's default or its own).
   */
  async get(ctx: AccountContext, group: FeatureGroupDetail, recordId: string, opts: { featureNames?: string[] } = {}): Promise<FeatureRecord | undefined> {
    checkRecordId(group, recordId);
    const out = await awsCall(ctx, 'featurestoreRuntime', 'GetRecord', () =>
      this.pool.runtime(ctx).send(
        new GetRecordCommand({
          FeatureGroupName: group.arn,
          RecordIdentifierValueAsString: recordId,
          FeatureNames: opts.featureNames?.length ? opts.featureNames : undefined,
          ExpirationTimeResponse: 'Enabled',
        }),
      ),
    callDetails(group));
    if (!out.Record || out.Record.length === 0) return undefined;
    const values = valuesOf(out.Record);
    return out.ExpiresAt ? { values, expiresAt: out.ExpiresAt } : { values };
  }

  /**
   * BatchGetRecord for any number of ids: de-duplicated, split into the service's batch size (100),
   * sent concurrently; unprocessed ids are retried. Every id gets a row (found, not found, error or
   * still unprocessed). Rejects only when every batch failed, with the first failure.
   */
  async batchGet(ctx: AccountContext, group: FeatureGroupDetail, recordIds: string[], opts: BatchGetOptions = {}): Promise<BatchGetResult> {
    for (const id of recordIds) checkRecordId(group, id);
    return batchGetRecords(this.pool, ctx, group, recordIds, opts);
  }

  /** Validates first and throws RecordValidationError without sending; sends only features with values. */
  async put(ctx: AccountContext, group: FeatureGroupDetail, values: Record<string, FeatureInput>, opts: { ttl?: TtlDuration } = {}): Promise<void> {
    const problems = validateWrite(group, values, opts.ttl);
    if (problems.length > 0) throw new RecordValidationError(problems);
    const record: FeatureValue[] = [];
    for (const def of group.features) {
      const value = values[def.name];
      if (!hasValue(value)) continue;
      record.push(Array.isArray(value) ? { FeatureName: def.name, ValueAsStringList: value } : { FeatureName: def.name, ValueAsString: value });
    }
    await awsCall(ctx, 'featurestoreRuntime', 'PutRecord', () =>
      this.pool.runtime(ctx).send(
        new PutRecordCommand({
          FeatureGroupName: group.arn,
          Record: record,
          TtlDuration: opts.ttl ? { Unit: opts.ttl.unit, Value: opts.ttl.value } : undefined,
        }),
      ),
    callDetails(group));
  }

  /**
   * Deletes a record; returns the event time the delete carried. That must be later than the
   * stored record's (AWS ignores an older SoftDelete and refuses an older HardDelete), so by
   * default it is now, or just after the stored event time when that is not in the past.
   */
  async delete(ctx: AccountContext, group: FeatureGroupDetail, recordId: string, opts: { eventTime?: string; hard?: boolean; storedEventTime?: FeatureInput } = {}): Promise<string> {
    checkRecordId(group, recordId);
    const eventDef = group.features.find((f) => f.name === group.eventTimeFeatureName);
    const eventTime = opts.eventTime ?? (eventDef ? eventTimeAfter(eventDef, opts.storedEventTime) : new Date().toISOString());
    await awsCall(ctx, 'featurestoreRuntime', 'DeleteRecord', () =>
      this.pool.runtime(ctx).send(
        new DeleteRecordCommand({
          FeatureGroupName: group.arn,
          RecordIdentifierValueAsString: recordId,
          EventTime: eventTime,
          DeletionMode: opts.hard ? 'HardDelete' : 'SoftDelete',
        }),
      ),
    callDetails(group));
    return eventTime;
  }
}
