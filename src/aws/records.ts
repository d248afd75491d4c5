// Feature Store runtime: read and write one record. Groups are always addressed by ARN, which is
// what makes cross-account groups work (a bare name resolves in the caller's own account).
import { DeleteRecordCommand, GetRecordCommand, PutRecordCommand, type FeatureValue } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { awsCall } from './call';
import type { ClientPool } from './clients';
import { hasValue, nowEventTime, validateRecord, type FeatureInput, type FeatureProblem } from './featureValues';
import type { AccountContext, FeatureGroupDetail, FeatureRecord, TtlDuration } from './model';
import { validateRecordId } from './validation';

export { nowEventTime, validateEventTime, validateFeatureValue, validateRecord, hasValue } from './featureValues';
export type { FeatureInput, FeatureProblem } from './featureValues';

export class RecordValidationError extends Error {
  override readonly name = 'RecordValidationError';
  constructor(readonly problems: FeatureProblem[]) {
    super(problems.map((p) => `${p.feature}: ${p.message}`).join(' '));
  }
}

function callDetails(group: FeatureGroupDetail) {
  return { target: group.name, access: group.access, ownerAccountId: group.ownerAccountId };
}

function validateTtl(ttl: TtlDuration | undefined): FeatureProblem[] {
  if (!ttl || (Number.isInteger(ttl.value) && ttl.value >= 1)) return [];
  return [{ feature: 'TtlDuration', message: `The time to live must be a whole number of ${ttl.unit.toLowerCase()} (1 or more).` }];
}

export class RecordService {
  constructor(private readonly pool: ClientPool) {}

  /** undefined = the group has no record with this id. */
  async get(ctx: AccountContext, group: FeatureGroupDetail, recordId: string, opts: { featureNames?: string[] } = {}): Promise<FeatureRecord | undefined> {
    const idProblem = validateRecordId(recordId);
    if (idProblem) throw new RecordValidationError([{ feature: group.recordIdentifierFeatureName, message: idProblem }]);
    const out = await awsCall(ctx, 'featurestoreRuntime', 'GetRecord', () =>
      this.pool.runtime(ctx).send(
        new GetRecordCommand({
          FeatureGroupName: group.arn,
          RecordIdentifierValueAsString: recordId,
          FeatureNames: opts.featureNames?.length ? opts.featureNames : undefined,
          ExpirationTimeResponse: group.defaultTtl ? 'Enabled' : undefined,
        }),
      ),
    callDetails(group));
    if (!out.Record || out.Record.length === 0) return undefined;
    const values: Record<string, FeatureInput> = {};
    for (const v of out.Record) {
      if (v.FeatureName) values[v.FeatureName] = v.ValueAsStringList ?? v.ValueAsString ?? '';
    }
    return out.ExpiresAt ? { values, expiresAt: out.ExpiresAt } : { values };
  }

  /** Validates first and throws RecordValidationError without sending; sends only features with values. */
  async put(ctx: AccountContext, group: FeatureGroupDetail, values: Record<string, FeatureInput>, opts: { ttl?: TtlDuration } = {}): Promise<void> {
    const problems = [...validateRecord(group, values), ...validateTtl(opts.ttl)];
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
   * Deletes a record. The event time must be later than the stored one (AWS ignores older deletes),
   * so it defaults to now.
   */
  async delete(ctx: AccountContext, group: FeatureGroupDetail, recordId: string, opts: { eventTime?: string; hard?: boolean } = {}): Promise<void> {
    const idProblem = validateRecordId(recordId);
    if (idProblem) throw new RecordValidationError([{ feature: group.recordIdentifierFeatureName, message: idProblem }]);
    const eventDef = group.features.find((f) => f.name === group.eventTimeFeatureName);
    const eventTime = opts.eventTime ?? (eventDef ? nowEventTime(eventDef) : new Date().toISOString());
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
  }
}
