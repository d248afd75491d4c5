// BatchGetRecord for any number of ids: split into the service's batch size, sent concurrently,
// unprocessed ids retried with backoff. The result has one row per distinct id, in input order.
import { BatchGetRecordCommand } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { awsCall, mapLimit } from './call';
import type { ClientPool } from './clients';
import { AwsCallError } from './errors';
import type { FeatureInput } from './featureValues';
import type { AccountContext, FeatureGroupDetail } from './model';
import { callDetails, valuesOf } from './recordWire';

/** BatchGetRecord takes at most 100 record identifiers per call (aws-facts §4, §6). */
export const BATCH_GET_MAX_IDS = 100;
/** Calls in flight at once; the service's soft quota is 500 BatchGetRecord per second. */
export const BATCH_GET_CONCURRENCY = 8;

export interface BatchRow {
  recordId: string;
  status: 'found' | 'notFound' | 'error' | 'unprocessed';
  values?: Record<string, FeatureInput>;
  expiresAt?: string;
  errorCode?: string;
  error?: string;
}

export interface BatchGetResult {
  rows: BatchRow[];
  /** BatchGetRecord calls sent, retries included. */
  calls: number;
  /** Ids sent again because the service left them unprocessed. */
  retriedIds: number;
}

export interface BatchGetOptions {
  featureNames?: string[];
  /** Calls in flight at once (default 8). */
  concurrency?: number;
  /** How often unprocessed ids are sent again (default 3). */
  maxRetries?: number;
  /** First backoff before a retry, doubled each time (default 100 ms). */
  retryDelayMs?: number;
  onProgress?(done: number, total: number): void;
}

/** Distinct ids in first-seen order. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function batchGetRecords(
  pool: ClientPool,
  ctx: AccountContext,
  group: FeatureGroupDetail,
  recordIds: readonly string[],
  opts: BatchGetOptions = {},
): Promise<BatchGetResult> {
  const ids = distinctIds(recordIds);
  const rows = new Map<string, BatchRow>();
  const failures: AwsCallError[] = [];
  const maxRetries = opts.maxRetries ?? 3;
  const firstDelay = opts.retryDelayMs ?? 100;
  const featureNames = opts.featureNames?.length ? opts.featureNames : undefined;
  let calls = 0;
  let retriedIds = 0;
  let done = 0;

  const runBatch = async (batch: string[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0 && attempt <= maxRetries; attempt++) {
      if (attempt > 0) {
        retriedIds += pending.length;
        // Exponential backoff with jitter, as the SDKs do for throttling.
        await sleep(Math.min(firstDelay * 2 ** (attempt - 1), 2000) * (0.5 + Math.random() / 2));
      }
      calls++;
      let out;
      try {
        out = await awsCall(ctx, 'featurestoreRuntime', 'BatchGetRecord', () =>
          pool.runtime(ctx).send(
            new BatchGetRecordCommand({
              Identifiers: [{ FeatureGroupName: group.arn, RecordIdentifiersValueAsString: pending, FeatureNames: featureNames }],
              ExpirationTimeResponse: 'Enabled',
            }),
          ),
        callDetails(group));
      } catch (err) {
        const error = err as AwsCallError;
        failures.push(error);
        for (const id of pending) rows.set(id, { recordId: id, status: 'error', errorCode: error.code, error: error.userMessage ?? error.message });
        pending = [];
        break;
      }
      const wanted = new Set(pending);
      for (const r of out.Records ?? []) {
        const id = r.RecordIdentifierValueAsString;
        if (id === undefined || !wanted.has(id)) continue;
        rows.set(id, { recordId: id, status: 'found', values: valuesOf(r.Record), ...(r.ExpiresAt ? { expiresAt: r.ExpiresAt } : {}) });
      }
      for (const e of out.Errors ?? []) {
        const id = e.RecordIdentifierValueAsString;
        if (id === undefined || !wanted.has(id)) continue;
        rows.set(id, { recordId: id, status: 'error', errorCode: e.ErrorCode, error: e.ErrorMessage ?? e.ErrorCode });
      }
      pending = (out.UnprocessedIdentifiers ?? []).flatMap((u) => u.RecordIdentifiersValueAsString ?? []).filter((id) => wanted.has(id));
    }
    for (const id of pending) rows.set(id, { recordId: id, status: 'unprocessed', error: `Still unprocessed after ${maxRetries} retries; look it up again.` });
    done += batch.length;
    opts.onProgress?.(done, ids.length);
  };

  const batches = chunk(ids, BATCH_GET_MAX_IDS);
  await mapLimit(batches, Math.max(1, opts.concurrency ?? BATCH_GET_CONCURRENCY), runBatch);
  // One message instead of a thousand identical rows when nothing got through (e.g. access denied).
  if (batches.length > 0 && failures.length === batches.length) throw failures[0];
  return {
    rows: ids.map((id) => rows.get(id) ?? { recordId: id, status: 'notFound' }),
    calls,
    retriedIds,
  };
}
