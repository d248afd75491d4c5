// The response cache as SDK middleware: every client of a ClientPool goes through it, so the tree,
// the lookup, the inspector and the pickers share answers without knowing of each other.
// - A read (List*/Get*/Describe*/Search) identical to one in flight joins it instead of going out.
// - A successful read is kept for the pool's TTL (GetRecord only while in flight: records change).
// - A write invalidates, for every profile, the reads it can change: a RAM change drops RAM reads,
//   Search and descriptions, never the owned-groups pages; a PutRecord drops records only.
// It sits outside the call log: a cache hit is not an AWS call and is not logged as one.
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware, Pluggable } from '@smithy/types';
import type { CacheScope, ResponseCache } from './responseCache';

/** Read operations, by the scope that writes invalidate. Anything else counts as a write. */
const READS: Record<string, CacheScope> = {
  ListFeatureGroups: 'owned',
  DescribeFeatureGroup: 'describe',
  DescribeFeatureMetadata: 'describe',
  Search: 'search',
  ListResourceCatalogs: 'search',
  ListResources: 'ram',
  GetResourceShares: 'ram',
  GetResourceShareInvitations: 'ram',
  GetResourceShareAssociations: 'ram',
  ListResourceSharePermissions: 'ram',
  ListPrincipals: 'ram',
  ListPendingInvitationResources: 'ram',
  GetResourcePolicies: 'ram',
  ListPermissions: 'permissions',
  GetPermission: 'permissions',
  ListPermissionVersions: 'permissions',
  ListResourceTypes: 'permissions',
  GetRecord: 'record',
  BatchGetRecord: 'record',
  ListRecords: 'record',
  GetCallerIdentity: 'account',
};

/** What a write of each service may change (for every profile: shares and catalogs cross accounts). */
const WRITE_INVALIDATES: Record<string, readonly CacheScope[]> = {
  ram: ['ram', 'search', 'describe', 'permissions'],
  sagemaker: ['owned', 'describe', 'search'],
  featurestoreRuntime: ['record'],
  sts: [],
};

/** Records change under the user's eyes: only concurrent identical reads are shared. */
const TTL_BY_SCOPE: Partial<Record<CacheScope, number>> = { record: 0 };
/** AWS-managed permissions hardly ever change. */
const PERMISSIONS_TTL_MS = 10 * 60_000;

export const CALL_CACHE_MIDDLEWARE_OPTIONS: InitializeHandlerOptions & AbsoluteLocation & { name: string; override: boolean } = {
  step: 'initialize',
  priority: 'high',
  name: 'featureStoreExplorerCallCache',
  override: true,
};

/**
 * A deep copy callers may change freely; undefined when the output cannot be copied (then it is not
 * kept). SDK outputs are plain objects, arrays and Dates: copied directly, which is several times
 * faster than structuredClone (this runs for every read, on the tree's critical path).
 */
function copyOf<T>(value: T): T | undefined {
  try {
    return deepCopy(value);
  } catch {
    return undefined;
  }
}

function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = deepCopy((value as Record<string, unknown>)[key]);
  return out as T;
}

export interface CallCacheTarget {
  profile: string;
  service: string;
  /** Everything else that decides the answer: region, endpoint, config files (the pool's client key). */
  clientKey: string;
}

export function callCacheMiddleware<Input extends object, Output extends object>(cache: ResponseCache, who: CallCacheTarget): InitializeMiddleware<Input, Output> {
  return (next, context) => async (args) => {
    const operation = (context.commandName ?? '').replace(/Command$/, '');
    const scope = READS[operation];
    if (!scope) {
      const invalidated = WRITE_INVALIDATES[who.service] ?? WRITE_INVALIDATES.ram;
      if (invalidated.length === 0) return next(args);
      // Before (a read started now must not be answered from before the write) and after (nor one
      // that ran during it).
      cache.invalidate(undefined, invalidated);
      try {
        return await next(args);
      } finally {
        cache.invalidate(undefined, invalidated);
      }
    }
    let key: string;
    try {
      key = JSON.stringify([who.clientKey, operation, args.input]);
    } catch {
      return next(args);
    }
    const ttlMs = scope === 'permissions' ? Math.max(cache.ttlMs, PERMISSIONS_TTL_MS) : TTL_BY_SCOPE[scope];
    // The caller that makes the call gets the SDK's own output; the cache keeps a copy of it.
    let own: { output: Output; response: unknown } | undefined;
    const shared = cache.get(
      who.profile,
      scope,
      [key],
      async () => {
        const result = await next(args);
        own = result;
        const kept = copyOf(result.output);
        if (kept === undefined) throw Object.assign(new Error('uncacheable output'), { uncacheable: result });
        return { output: kept, response: result.response };
      },
      { ttlMs },
    );
    try {
      const result = await shared;
      return own ?? { ...result, output: copyOf(result.output) as Output };
    } catch (err) {
      const uncacheable = (err as { uncacheable?: { output: Output; response: unknown } }).uncacheable;
      if (uncacheable) return uncacheable;
      throw err;
    }
  };
}

export function callCachePlugin<Input extends object, Output extends object>(cache: ResponseCache, who: CallCacheTarget): Pluggable<Input, Output> {
  return { applyToStack: (stack) => stack.add(callCacheMiddleware<Input, Output>(cache, who), CALL_CACHE_MIDDLEWARE_OPTIONS) };
}
